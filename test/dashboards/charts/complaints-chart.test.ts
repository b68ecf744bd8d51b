import { describe, expect, it } from 'vitest';
import { complaintsByCategoryChart, complaintsByDepartmentChart } from '../../../dashboards/charts/complaints-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const categories = deepFreeze([
  { month: '2025-05', category: 'process', complaints: 7 },
  { month: '2025-05', category: 'attitude', complaints: 3 },
  { month: '2025-06', category: 'process', complaints: 5 },
  { month: '2025-06', category: 'facility', complaints: 2 },
  { month: '2025-06', category: 'parking?', complaints: 1 },
]);

const departments = deepFreeze([
  { month: '2025-05', department: '急诊科', complaints: 6 },
  { month: '2025-05', department: '门诊部', complaints: 2 },
  { month: '2025-06', department: '急诊科', complaints: 4 },
  { month: '2025-06', department: '门诊部', complaints: 5 },
  { month: '2025-06', department: '儿科', complaints: 1 },
]);

describe('complaintsByCategoryChart', () => {
  it('stacks the months by category as the snapshot', () => {
    expectChartSnapshot('complaints-by-category', complaintsByCategoryChart(categories, { language: 'zh', scope: '全院' }));
  });

  it('keeps the practice’s order of categories, a value not recognised last as written, a missing month-category 0', () => {
    const chart = complaintsByCategoryChart(categories, { language: 'en', scope: 'Whole hospital' });
    expect(description(chart)).toContain('from May 2025 to Jun 2025, stacked by category. In all: process 12, attitude 3, facility 2, and parking? 1.');
    expect(tableRows(chart)).toEqual([
      ['2025-05', '7', '3', '0', '0'],
      ['2025-06', '5', '0', '2', '1'],
    ]);
    expect(chart?.value).toContain('<th>Month</th><th class="num">process</th><th class="num">attitude</th><th class="num">facility</th><th class="num">parking?</th>');
  });

  it('draws nothing without complaints', () => {
    expect(complaintsByCategoryChart([], { language: 'en', scope: 'x' })).toBeNull();
  });
});

describe('complaintsByDepartmentChart', () => {
  it('stacks the months by department as the snapshot', () => {
    expectChartSnapshot('complaints-by-department', complaintsByDepartmentChart(departments, { language: 'zh', top: 3 }));
  });

  it('orders the departments by their complaints, the most first', () => {
    const chart = complaintsByDepartmentChart(departments, { language: 'zh', top: 3 });
    expect(chart?.value).toContain('投诉最多的 3 个科室逐月投诉');
    expect(description(chart)).toContain('合计：急诊科 10、门诊部 7和儿科 1');
    expect(tableRows(chart)).toEqual([
      ['2025-05', '6', '2', '0'],
      ['2025-06', '4', '5', '1'],
    ]);
  });
});
