import { describe, expect, it } from 'vitest';
import type { PeriodCounts } from '../../pipeline/satisfaction/period-counts.ts';
import { spcRows } from '../../pipeline/satisfaction/trends.ts';
import { deepFreeze } from '../statistics/vectors.ts';

/**
 * One XmR chart per hospital, department, patient type and section, by hand. 13 months 2024-06 ..
 * 2025-06, 20 respondents a month each answering one item of the section.
 * inpatient C: 18, 16 satisfied in turn (90 %, 80 %) for 12 months, then 6 (30 %): baseline mean 85,
 *   moving ranges eleven 10s (none screened), limits 85 ∓ 26.6 = [58.4, 111.6]: 30 % is Below LCL.
 * inpatient A: the same 12 months, then 18 (90 %): common cause. The two charts never mix.
 * outpatient C: as inpatient A, but 2024-12 has 5 respondents: suppressed, no numbers.
 */
const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, 5 + i, 1)).toISOString().slice(0, 7));
const series = (patient_type: string, dimension: string, last: number, small: string | null = null): PeriodCounts[] =>
  months.map((month, i) => {
    const satisfied = i === 12 ? last : i % 2 === 0 ? 18 : 16;
    const responses = month === small ? 5 : 20;
    return { hospital: 'H', department: 'D', patient_type, dimension, period: month, responses, answers: 20, satisfied_answers: satisfied, score_sum: 0, sum_yy: 0, sum_ym: 0, sum_mm: 0 };
  });
const counts = deepFreeze([...series('inpatient', 'C', 6), ...series('inpatient', 'A', 18), ...series('outpatient', 'C', 18, '2024-12')]);
const rows = spcRows(counts, '2025-06', 10);
const at = (patient: string, dimension: string, month: string) => rows.find((r) => r.patient_type === patient && r.dimension === dimension && r.month === month)!;

describe('spcRows per patient type and section', () => {
  it('flags a section’s drop on its own chart, limits held from its 12-month baseline', () => {
    const june = at('inpatient', 'C', '2025-06');
    expect(june).toMatchObject({ hospital: 'H', department: 'D', patient_type: 'inpatient', dimension: 'C', month: '2025-06', responses: 20, suppressed: false, pct_satisfied: 30 });
    expect(june.mean_pct).toBeCloseTo(85, 9);
    expect(june.lower_limit_pct).toBeCloseTo(58.4, 9);
    expect(june.upper_limit_pct).toBeCloseTo(111.6, 9);
    expect([june.special_cause_type, june.point_type]).toEqual(['Below LCL', 'special_cause_concern']);
    const a = at('inpatient', 'A', '2025-06');
    expect([a.special_cause_type, a.point_type]).toEqual(['Common Cause', 'common_cause']);
  });

  it('keeps a suppressed month as a row without numbers, one row per series and month', () => {
    const suppressed = at('outpatient', 'C', '2024-12');
    expect(suppressed).toMatchObject({ hospital: 'H', department: 'D', patient_type: 'outpatient', dimension: 'C', month: '2024-12', responses: 5, suppressed: true });
    // the 14 chart columns, from pct_satisfied to upper_998_pct, without numbers
    expect(Object.values(suppressed).slice(7)).toEqual(Array(14).fill(null));
    expect(rows).toHaveLength(3 * 13);
    expect(at('outpatient', 'C', '2025-06').limits_from).toBe('2024-06');
  });

  it('from a month on, returns those months’ rows as charted on every month (a backtest’s judged month)', () => {
    const judged = spcRows(counts, '2025-06', 10, '2025-06');
    expect(judged).toEqual(rows.filter((r) => r.month === '2025-06'));
    expect(judged).toHaveLength(3);
    // still judged on the 12-month baseline before it: Below LCL, as above
    expect(judged.find((r) => r.patient_type === 'inpatient' && r.dimension === 'C')).toMatchObject({ pct_satisfied: 30, special_cause_type: 'Below LCL' });
    expect(spcRows(counts, '2025-05', 10, '2025-05').map((r) => r.month)).toEqual(['2025-05', '2025-05', '2025-05']);
  });
});
