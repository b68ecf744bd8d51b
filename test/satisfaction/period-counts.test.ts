import { describe, expect, it } from 'vitest';
import { clusteredCountsOf, FALL_CONFIDENCE, fallUpperPct, type PeriodCounts } from '../../pipeline/satisfaction/period-counts.ts';

const period = (sums: Pick<PeriodCounts, 'responses' | 'answers' | 'satisfied_answers' | 'sum_yy' | 'sum_ym' | 'sum_mm'>): PeriodCounts => ({
  hospital: 'h',
  department: 'd',
  patient_type: 'inpatient',
  dimension: 'C',
  period: '2026-06',
  score_sum: 0,
  ...sums,
});

/**
 * The upper end of a period's own 99.8% interval, hand-worked: z = Φ⁻¹(0.999) = 3.0902323,
 * z² = 9.5495357, Wilson on the effective sample size n_eff (clusteredProportion).
 */
describe('fallUpperPct', () => {
  it('is 99.8%', () => {
    expect(FALL_CONFIDENCE).toBe(0.998);
  });

  it('reads one answer a respondent as Wilson on n − 1: 50 of 100 reach 64.83 %', () => {
    // n_eff = 99, z²/n = 0.0964600; centre 0.5; half 3.0902323·√(0.25/99 + 9.5495357/(4·99²))/1.0964600 = 0.1483020
    expect(fallUpperPct(period({ responses: 100, answers: 100, satisfied_answers: 50, sum_yy: 50, sum_ym: 50, sum_mm: 100 }))).toBeCloseTo(64.83020, 4);
    // 12 of 20 (the renovated ward's month in test/marts/satisfaction_sections.test.ts): n_eff 19, up to 85.19 %
    expect(fallUpperPct(period({ responses: 20, answers: 20, satisfied_answers: 12, sum_yy: 12, sum_ym: 12, sum_mm: 20 }))).toBeCloseTo(85.18516, 4);
  });

  it('reads answers clustered in respondents: 4 respondents of 2 answers each have n_eff 3', () => {
    // respondents (y, m): (2, 2) three times, (0, 2); p = 6/8 = 0.75; v = Σ(y − p·m)²/(n(n−1)·m̄²) = (3·0.25 + 2.25)/48 = 1/16 → n_eff = 0.1875·16 = 3
    // z²/3 = 3.1831786; centre (0.75 + 1.5915893)/4.1831786 = 0.5597601; half 3.0902323·√(0.0625 + 9.5495357/36)/4.1831786 = 0.4229306
    const counts = period({ responses: 4, answers: 8, satisfied_answers: 6, sum_yy: 12, sum_ym: 12, sum_mm: 16 });
    expect(clusteredCountsOf(counts)).toEqual({ n: 4, sumY: 6, sumM: 8, sumYY: 12, sumYM: 12, sumMM: 16 });
    expect(fallUpperPct(counts)).toBeCloseTo(98.26907, 4);
  });
});
