import { describe, expect, it } from 'vitest';
import { warningChart } from '../../../dashboards/charts/warning-chart.ts';
import type { WarningWeek } from '../../../pipeline/warnings/warnings.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

// windows starting on a Wednesday: a run's seven days need not be an ISO week
const weeks: readonly WarningWeek[] = deepFreeze([
  { week_start: '2025-05-14', observed: 1, expected: null, upperbound: null },
  { week_start: '2025-05-21', observed: 2, expected: 1.5, upperbound: null },
  { week_start: '2025-05-28', observed: 1, expected: 1.25, upperbound: 4.2 },
  { week_start: '2025-06-04', observed: 3, expected: 1.4, upperbound: 4.6 },
  { week_start: '2025-06-11', observed: 9, expected: 1.7, upperbound: 5.05 },
]);

describe('warningChart', () => {
  it('draws the weekly counts, the expected value and the bound as the snapshot', () => {
    expectChartSnapshot('warning-chart', warningChart(weeks, { language: 'en', cell: 'Khoa Nhi · process', week: '2025-06-11' }));
  });

  it('says the warning’s week against its expectation and lists every week', () => {
    const chart = warningChart([...weeks].reverse(), { language: 'vi', cell: 'Khoa Nhi · process', week: '2025-06-11' });
    expect(chart?.value).toContain('Khoa Nhi · process: khiếu nại mỗi tuần');
    expect(description(chart)).toContain('Tuần 11/06/2025: 9,0 so với 1,7 dự kiến.');
    expect(tableRows(chart)).toEqual([
      ['2025-05-14', '1', '–', '–'],
      ['2025-05-21', '2', '1,5', '–'],
      ['2025-05-28', '1', '1,3', '4,2'],
      ['2025-06-04', '3', '1,4', '4,6'],
      ['2025-06-11', '9', '1,7', '5,1'],
    ]);
  });

  it('draws nothing for an empty series', () => {
    expect(warningChart([], { language: 'en', cell: 'x', week: '2025-06-11' })).toBeNull();
  });
});
