import { describe, expect, it } from 'vitest';
import { satisfactionChart, type SatisfactionTrendRow } from '../../../dashboards/charts/satisfaction-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const month = (m: string, over: Partial<SatisfactionTrendRow> = {}): SatisfactionTrendRow => ({
  month: m,
  responses: 40,
  suppressed: false,
  pct_satisfied: 90,
  ci_low: 87.5,
  ci_high: 92.5,
  mean_pct: 90,
  lower_limit_pct: 84,
  upper_limit_pct: 96,
  point_type: 'common_cause',
  ...over,
});

// six months: one suppressed, a recalculated limit from April, one improvement and one concern
const rows = deepFreeze([
  month('2025-01', { pct_satisfied: 88 }),
  month('2025-02', { pct_satisfied: 91.25 }),
  month('2025-03', { suppressed: true, responses: 6, pct_satisfied: null, ci_low: null, ci_high: null, mean_pct: null, lower_limit_pct: null, upper_limit_pct: null, point_type: null }),
  month('2025-04', { pct_satisfied: 83, point_type: 'special_cause_concern', mean_pct: 91, lower_limit_pct: 85, upper_limit_pct: 97 }),
  month('2025-05', { pct_satisfied: 93, mean_pct: 91, lower_limit_pct: 85, upper_limit_pct: 97 }),
  month('2025-06', { pct_satisfied: 97.5, ci_low: 95, ci_high: 99, point_type: 'special_cause_improvement', mean_pct: 91, lower_limit_pct: 85, upper_limit_pct: 97 }),
]);

describe('satisfactionChart', () => {
  it('draws the index, its band, the limits and the special causes as the snapshot', () => {
    expectChartSnapshot('satisfaction-chart', satisfactionChart([...rows].reverse(), { language: 'en', scope: 'Whole hospital' }));
  });

  it('names the special-cause months in its text alternative and puts every month in its table', () => {
    const chart = satisfactionChart(rows, { language: 'en', scope: 'Whole hospital' });
    expect(chart?.value).toContain('<figcaption>Whole hospital: satisfaction index by month</figcaption>');
    expect(description(chart)).toContain('from Jan 2025 to Jun 2025 (line; 97.5% in Jun 2025)');
    expect(description(chart)).toContain('improvement: Jun 2025; concern: Apr 2025.');
    const table = tableRows(chart);
    expect(table).toHaveLength(6);
    expect(table[1]).toEqual(['2025-02', '40', '91.3%', '87.5–92.5', '90.0%', '84.0%', '96.0%', '']);
    expect(table[2]).toEqual(['2025-03', '', 'too few responses', '', '', '', '', '']);
    expect(table[3]?.[7]).toBe('concern');
  });

  it('writes numbers and words in the reader’s language', () => {
    const chart = satisfactionChart(rows, { language: 'vi', scope: 'Toàn bệnh viện' });
    expect(tableRows(chart)[1]?.slice(2, 4)).toEqual(['91,3%', '87,5–92,5']);
    expect(description(chart)).toContain('cải thiện: 06/2025; cần lưu ý: 04/2025.');
  });

  it('draws nothing with fewer than two months to draw', () => {
    expect(satisfactionChart(rows.slice(2, 4), { language: 'en', scope: 'x' })).toBeNull();
  });

  it('escapes a hostile department name in the title and the drawing', () => {
    const chart = satisfactionChart(rows, { language: 'en', scope: '<script>alert(1)</script>' });
    expect(chart?.value).not.toContain('<script>');
    expect(chart?.value).toContain('&lt;script&gt;');
  });
});
