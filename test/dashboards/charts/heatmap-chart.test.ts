import { describe, expect, it } from 'vitest';
import { departmentCategoryHeatmap } from '../../../dashboards/charts/heatmap-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

// as mart_department_category_heat would hold them for 2025-06 (see test/marts/complaint_channels_heat.test.ts)
const cells = deepFreeze([
  { department: '急诊科', category: 'process', observed: 6, expected: 2, ratio: 3, well_above: true },
  { department: '急诊科', category: 'cost', observed: 1, expected: 2, ratio: 0.5, well_above: false },
  { department: '心内科', category: 'attitude', observed: 3, expected: 0, ratio: null, well_above: true },
  { department: '心内科', category: 'cost', observed: 0, expected: 1 / 11, ratio: 0, well_above: false },
  { department: '儿科', category: 'facility', observed: 1, expected: null, ratio: null, well_above: false },
]);

describe('departmentCategoryHeatmap', () => {
  it('draws the month against the expected level as the snapshot', () => {
    expectChartSnapshot('heatmap-chart', departmentCategoryHeatmap(cells, { language: 'zh', month: '2025-06', top: 10 }));
  });

  it('names the cells the mart flagged, and lists every cell with its observed, expected and ratio', () => {
    const chart = departmentCategoryHeatmap(cells, { language: 'en', month: '2025-06', top: 10 });
    expect(chart?.value).toContain('2025-06: complaints by department and category against their usual level');
    expect(description(chart)).toContain('the mean of the 12 months before');
    expect(description(chart)).toContain('At least twice the usual and 3 or more: 急诊科 · process (6, × 3.0) and 心内科 · attitude (3, new).');
    expect(tableRows(chart)).toEqual([
      ['急诊科', 'process', '6', '2.0', '× 3.0'],
      ['急诊科', 'cost', '1', '2.0', '× 0.5'],
      ['心内科', 'attitude', '3', '0.0', 'new'],
      ['心内科', 'cost', '0', '0.1', '× 0.0'],
      ['儿科', 'facility', '1', '–', '–'],
    ]);
  });

  it('keeps the departments with the most complaints in the month', () => {
    const chart = departmentCategoryHeatmap(cells, { language: 'en', month: '2025-06', top: 1 });
    expect(tableRows(chart).map((row) => row[0])).toEqual(['急诊科', '急诊科']);
    expect(departmentCategoryHeatmap([], { language: 'en', month: '2025-06', top: 5 })).toBeNull();
  });

  it('cuts a long name to the room beside the cells, a CJK character counted as a full em', () => {
    const long = [{ department: '呼吸与危重症医学科门诊', category: 'cost', observed: 4, expected: 2, ratio: 2, well_above: true }];
    const chart = departmentCategoryHeatmap(long, { language: 'zh', month: '2025-06', top: 5 });
    expect(chart?.value).toContain('>呼吸与危重症医学科…</text>');
    expect(tableRows(chart)[0]?.[0]).toBe('呼吸与危重症医学科门诊');
  });
});
