import { describe, expect, it } from 'vitest';
import { latestCompleteWeek, weeklySpcRows, weeklyWatchDefaults, type WeekCounts } from '../../pipeline/satisfaction/weekly.ts';
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
function week(department: string, monday: string, n: number, y: number): WeekCounts {
  return { hospital: 'h', department, patient_type: 'inpatient', dimension: 'C', week: monday, responses: n, answers: n, satisfied_answers: y, sum_yy: y, sum_ym: y, sum_mm: n };
}
const series = (department: string, n: number, shares: readonly number[], last: number) =>
  mondays.map((monday, i) => week(department, monday, n, i === 14 ? last : (shares[i % 2]! * n) / 100));
const counts = Object.freeze([...series('big', 100, [90, 85], 50), ...series('small', 20, [90, 85], 10)]);
const cell = (rows: unknown[][], department: string, monday: string) => rows.find((r) => r[1] === department && r[4] === monday)!;

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
    // hospital, department, patient type, dimension, week, responses, suppressed, half-width, watched, pct, mean, LPL, UPL, below
    expect(fall.slice(0, 7)).toEqual(['h', 'big', 'inpatient', 'C', '2026-06-08', 100, false]);
    expect(fall[8]).toBe(true);
    expect(fall[9]).toBeCloseTo(50, 12);
    expect(fall[10]).toBeCloseTo(85, 9);
    expect(fall[11]).toBeCloseTo(71.7, 9);
    expect(fall[12]).toBeCloseTo(98.3, 9);
    expect(fall[13]).toBe(true);
    expect(cell(rows, 'big', '2026-03-02')[7]).toBeCloseTo(5.9875, 3);
    expect(rows.filter((r) => r[1] === 'big' && r[13] === true).map((r) => r[4])).toEqual(['2026-06-08']);
  });

  it('leaves a series of small weeks to the monthly charts: no chart, no signal (the volume rule)', () => {
    const fall = cell(rows, 'small', '2026-06-08');
    expect(fall[8]).toBe(false);
    expect(fall[7] as number).toBeGreaterThan(10);
    expect(fall.slice(9)).toEqual([null, null, null, null, null]);
  });

  it('suppresses a week with fewer respondents than the floor, and keeps the series watched on its usual weeks', () => {
    const thin = counts.map((c) => (c.department === 'big' && c.week === '2026-04-06' ? week('big', c.week, 9, 8) : c));
    const result = weeklySpcRows(thin, '2026-06-08', 10);
    expect(cell(result, 'big', '2026-04-06').slice(5, 10)).toEqual([9, true, null, true, null]);
    expect(cell(result, 'big', '2026-06-08')[13]).toBe(true);
  });

  it('sees only weeks that ended by the run: a later fall changes nothing before it (the as-of cut)', () => {
    const before = weeklySpcRows(counts, '2026-06-01', 10);
    expect(before.some((r) => r[4] === '2026-06-08')).toBe(false);
    expect(before.filter((r) => r[13] === true)).toEqual([]);
    expect(before).toEqual(weeklySpcRows(counts.filter((c) => c.week <= '2026-06-01'), '2026-06-01', 10));
  });

  it('judges the volume on the weeks before the one it judges, so a fall cannot take its series off the watch', () => {
    // the falling week's own interval (50/100) is the widest, and does not count
    const history = weeklySpcRows(counts, '2026-06-01', 10).filter((r) => r[1] === 'big');
    expect(history.every((r) => r[8] === true)).toBe(true);
    expect(cell(rows, 'big', '2026-06-08')[7] as number).toBeGreaterThan(cell(rows, 'big', '2026-06-01')[7] as number);
  });
});
