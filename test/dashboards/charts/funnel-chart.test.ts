import { describe, expect, it } from 'vitest';
import { funnelChart, type FunnelChartRow } from '../../../dashboards/charts/funnel-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const unit = (department: string, n: number, pct: number, z: number, spread: number, over: Partial<FunnelChartRow> = {}): FunnelChartRow => ({
  department,
  suppressed: false,
  responses: Math.round(n / 2),
  effective_n: n,
  pct_satisfied: pct,
  target_pct: 90,
  z_judged: z,
  // limits as a mart would give them at this size: wider for a smaller department
  lower_95_pct: 90 - spread,
  upper_95_pct: 90 + spread,
  lower_998_pct: 90 - 1.6 * spread,
  upper_998_pct: 90 + 1.6 * spread,
  below_lower_95: pct < 90 - spread,
  above_upper_95: pct > 90 + spread,
  below_lower_998: pct < 90 - 1.6 * spread,
  above_upper_998: pct > 90 + 1.6 * spread,
  ...over,
});

const rows = deepFreeze([
  unit('Khoa Nhi', 40, 82, -2.4, 6),
  unit('Khoa Nội', 120, 91, 0.4, 3.5),
  unit('Khoa Ngoại', 250, 96, 3.8, 2.4),
  unit('Khoa Sản', 80, 90, 0, 4.5),
  unit('Khoa Mắt', 0, 0, 0, 0, { suppressed: true, responses: 4, effective_n: null, pct_satisfied: null, z_judged: null, target_pct: null }),
]);

describe('funnelChart', () => {
  it('draws the departments, the centre and the limits of the mart as the snapshot', () => {
    expectChartSnapshot('funnel-chart', funnelChart(rows, { language: 'vi', month: '2025-06' }));
  });

  it('names the departments outside the limits as the mart flagged them, with the z they were judged by', () => {
    const chart = funnelChart(rows, { language: 'en', month: '2025-06' });
    expect(description(chart)).toContain('The satisfaction index of 4 departments');
    expect(description(chart)).toContain('around the centre 90.0%');
    expect(description(chart)).toContain('Below the limits: Khoa Nhi. Above the limits: Khoa Ngoại.');
    const table = tableRows(chart);
    // in the reader's collation; the suppressed one without a number
    expect(table.map((row) => row[0])).toEqual(['Khoa Mắt', 'Khoa Ngoại', 'Khoa Nhi', 'Khoa Nội', 'Khoa Sản']);
    expect(table[0]).toEqual(['Khoa Mắt', '', '', 'too few responses', '', '']);
    expect(table[2]).toEqual(['Khoa Nhi', '20', '40.0', '82.0%', '-2.40', 'below the 95% limit']);
    expect(table[1]?.[5]).toBe('above the 99.8% limit');
  });

  it('draws nothing when every department is suppressed', () => {
    expect(funnelChart(rows.slice(4), { language: 'en', month: '2025-06' })).toBeNull();
  });
});
