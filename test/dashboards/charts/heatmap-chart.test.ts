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
    expect(chart?.value).toContain('Jun 2025: complaints by department and category against their usual level');
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

  it('gives a key to its colours above the drawing, each swatch of the scale the cells are drawn with, in the reader’s language', () => {
    const legend = (language: 'zh' | 'vi' | 'en') => /<ul class="legend"[^>]*>([\s\S]*?)<\/ul>/.exec(departmentCategoryHeatmap(cells, { language, month: '2025-06', top: 10 })?.value ?? '')?.[1] ?? '';
    const items = (language: 'zh' | 'vi' | 'en') => [...legend(language).matchAll(/<li><span class="swatch" style="([^"]*)"><\/span>(.*?)<\/li>/g)].map((m) => [m[1], m[2]]);
    // the PuOr diverging-log scale of Plot at ¼, ½, 1, 2 and 4 times the usual level (clamped beyond)
    expect(items('en')).toEqual([
      ['background:rgb(45, 0, 75)', '× ¼ or less'],
      ['background:rgb(153, 142, 191)', '× ½'],
      ['background:rgb(243, 238, 234)', '× 1, as usual'],
      ['background:rgb(238, 157, 61)', '× 2'],
      ['background:rgb(127, 59, 8)', '× 4 or more'],
      ['background:#d55e00', 'new this month (none before)'],
      ['background:white;border:1px dashed #8a96a3', 'no usual level yet'],
      ['border:2px solid #1d2733', 'outlined: 3 or more and at least twice the usual'],
    ]);
    expect(items('zh').map((item) => item[1])).toContain('× 1，与常态持平');
    expect(items('vi').map((item) => item[1])).toContain('viền đậm: từ 3 khiếu nại và từ gấp đôi mức thường lệ');
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
