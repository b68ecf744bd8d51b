import { describe, expect, it } from 'vitest';
import type { PeriodCounts } from '../../pipeline/satisfaction/period-counts.ts';
import { latestCompleteWeek, weeklyChartRows, weeklySeriesOf, weeklySpcRows, weeklyWatchDefaults, type WeeklySpcRow } from '../../pipeline/satisfaction/weekly.ts';
import { addDays } from '../../pipeline/time.ts';

/**
 * Weekly satisfaction series where every respondent answers one item, so a week of n respondents
 * with y satisfied has n_eff = n − 1 (clusteredProportion) and pct = 100·y/n.
 *
 * "big": 100 respondents a week, 90 then 85 satisfied in turn for 14 weeks (2026-03-02 ..
 *   2026-06-01), then 50 in the week of 2026-06-08.
 *   Volume: a week of 90/100 has a Wilson interval on n_eff = 99 of half-width
 *   1.96/(1 + 1.96²/99) · √(0.09/99 + 1.96²/(4·99²)) = 5.99 points (85/100: 7.02), median ≤ 10: watched.
 *   XmR over the 15 weeks: mean (7·90 + 7·85 + 50)/15 = 85; moving ranges thirteen 5s and 35;
 *   35 ≥ 3.267 × 100/14 = 23.3 is screened out, so the mean moving range is 5 and the limits are
 *   85 ∓ 2.66·5 = [71.7, 98.3]: 50 lies below the lower limit.
 * "small": the same shares with 20 respondents a week (18, 17 of 20; then 10): half-width about
 *   14 points (n_eff = 19), more than 10: not watched, so its fall raises nothing weekly.
 */
const mondays = Array.from({ length: 15 }, (_, i) => addDays('2026-03-02', 7 * i));
function week(department: string, monday: string, n: number, y: number): PeriodCounts {
  return { hospital: 'h', department, patient_type: 'inpatient', dimension: 'C', period: monday, responses: n, answers: n, satisfied_answers: y, score_sum: 0, sum_yy: y, sum_ym: y, sum_mm: n };
}
const series = (department: string, n: number, shares: readonly number[], last: number) =>
  mondays.map((monday, i) => week(department, monday, n, i === 14 ? last : (shares[i % 2]! * n) / 100));
const counts = Object.freeze([...series('big', 100, [90, 85], 50), ...series('small', 20, [90, 85], 10)]);
const cell = (rows: WeeklySpcRow[], department: string, monday: string) => rows.find((r) => r.department === department && r.week === monday)!;

describe('latestCompleteWeek', () => {
  it('is the week of a Sunday, else the week before the as-of date', () => {
    expect(latestCompleteWeek('2026-06-14')).toBe('2026-06-08');
    expect(latestCompleteWeek('2026-06-15')).toBe('2026-06-08');
    expect(latestCompleteWeek('2026-06-13')).toBe('2026-06-01');
    expect(latestCompleteWeek('2027-01-03')).toBe('2026-12-28');
  });
});

describe('weeklySpcRows', () => {
  const rows = weeklySpcRows(counts, '2026-06-08', 10);

  it('watches a series whose usual week has an interval at most ±10 points wide, and charts it', () => {
    expect(weeklyWatchDefaults.maxHalfWidthPct).toBe(10);
    const fall = cell(rows, 'big', '2026-06-08');
    expect(fall).toMatchObject({ hospital: 'h', department: 'big', patient_type: 'inpatient', dimension: 'C', week: '2026-06-08', responses: 100, suppressed: false });
    expect(fall.watched).toBe(true);
    expect(fall.pct_satisfied).toBeCloseTo(50, 12);
    expect(fall.mean_pct).toBeCloseTo(85, 9);
    expect(fall.lower_limit_pct).toBeCloseTo(71.7, 9);
    expect(fall.upper_limit_pct).toBeCloseTo(98.3, 9);
    expect(fall.below_lower_limit).toBe(true);
    // its own 99.8% interval (n_eff 99) reaches 64.83, below the centre line: a fall its answers can tell
    expect(fall.upper_998_pct).toBeCloseTo(64.8302, 3);
    expect(cell(rows, 'big', '2026-03-02').half_width_pct).toBeCloseTo(5.9875, 3);
    expect(rows.filter((r) => r.department === 'big' && r.below_lower_limit === true).map((r) => r.week)).toEqual(['2026-06-08']);
  });

  it('leaves a series of small weeks to the monthly charts: no chart, no signal (the volume rule)', () => {
    const fall = cell(rows, 'small', '2026-06-08');
    expect(fall.watched).toBe(false);
    expect(fall.half_width_pct).toBeGreaterThan(10);
    expect([fall.pct_satisfied, fall.mean_pct, fall.lower_limit_pct, fall.upper_limit_pct, fall.below_lower_limit, fall.upper_998_pct]).toEqual([null, null, null, null, null, null]);
  });

  it('suppresses a week with fewer respondents than the floor, and keeps the series watched on its usual weeks', () => {
    const thin = counts.map((c) => (c.department === 'big' && c.period === '2026-04-06' ? week('big', c.period, 9, 8) : c));
    const result = weeklySpcRows(thin, '2026-06-08', 10);
    expect(cell(result, 'big', '2026-04-06')).toMatchObject({ responses: 9, suppressed: true, half_width_pct: null, watched: true, pct_satisfied: null });
    expect(cell(result, 'big', '2026-06-08').below_lower_limit).toBe(true);
  });

  it('sees only weeks that ended by the run: a later fall changes nothing before it (the as-of cut)', () => {
    const before = weeklySpcRows(counts, '2026-06-01', 10);
    expect(before.some((r) => r.week === '2026-06-08')).toBe(false);
    expect(before.filter((r) => r.below_lower_limit === true)).toEqual([]);
    expect(before).toEqual(weeklySpcRows(counts.filter((c) => c.period <= '2026-06-01'), '2026-06-01', 10));
  });

  it('judges the volume on the weeks before the one it judges, so a fall cannot take its series off the watch', () => {
    // the falling week's own interval (50/100) is the widest, and does not count
    const history = weeklySpcRows(counts, '2026-06-01', 10).filter((r) => r.department === 'big');
    expect(history.every((r) => r.watched)).toBe(true);
    expect(cell(rows, 'big', '2026-06-08').half_width_pct!).toBeGreaterThan(cell(rows, 'big', '2026-06-01').half_width_pct!);
  });
});

describe('weeklyChartRows (a backtest: the series prepared once, charted on each Monday)', () => {
  it('charts each date as weeklySpcRows does, and with a first week gives only the rows from it', () => {
    // shuffled, as the warehouse may hand them over
    const prepared = weeklySeriesOf([...counts].reverse(), 10);
    for (const lastWeek of ['2026-05-25', '2026-06-01', '2026-06-08']) {
      const all = weeklySpcRows(counts, lastWeek, 10);
      expect(weeklyChartRows(prepared, lastWeek)).toEqual(all);
      const judged = weeklyChartRows(prepared, lastWeek, weeklyWatchDefaults, addDays(lastWeek, -7));
      expect(judged).toEqual(all.filter((r) => r.week >= addDays(lastWeek, -7)));
      expect(judged).toHaveLength(4);
    }
  });
});
