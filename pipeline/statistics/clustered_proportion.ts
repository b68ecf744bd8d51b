import { normalQuantile } from './normal_quantile.ts';
import type { ProportionInterval } from './wilson_interval.ts';

/** Sums over respondents i of m_i answers of which y_i are "satisfied" (4 or 5). */
export interface ClusteredCounts {
  /** Respondents (clusters). */
  readonly n: number;
  /** Σ y_i */
  readonly sumY: number;
  /** Σ m_i */
  readonly sumM: number;
  /** Σ y_i², Σ y_i·m_i, Σ m_i² */
  readonly sumYY: number;
  readonly sumYM: number;
  readonly sumMM: number;
}

/**
 * A proportion of answers (Σy/Σm) whose answers cluster in respondents, with a 95% interval that
 * respects the clustering: the variance of the ratio estimator by linearisation (Kish 1965,
 * Survey Sampling, §6.4: v = Σ(y_i − p·m_i)² / (n(n−1)·m̄²)) turned into an effective sample size
 * n_eff = p(1−p)/v, then a Wilson score interval on n_eff (Korn & Graubard 1998, Survey Methodology
 * 24:193). When every respondent answers once, n_eff = n − 1; when the answers within each
 * respondent agree, n_eff is again n − 1 however many items they answered, instead of the
 * number of answers. With no spread at all (p = 0 or 1) the interval is Wilson's on the n
 * respondents.
 *
 * @example clusteredProportion({ n: 4, sumY: 6, sumM: 8, sumYY: 12, sumYM: 12, sumMM: 16 })
 *   // { estimate: 0.75, effectiveN: 3, lower: 0.2561, upper: 0.9632 }
 */
export function clusteredProportion(c: ClusteredCounts, confidence = 0.95): ProportionInterval & { effectiveN: number } {
  if (!(c.n >= 1 && c.sumM >= 1)) throw new RangeError('clusteredProportion requires at least one respondent and one answer');
  const p = c.sumY / c.sumM;
  const meanM = c.sumM / c.n;
  const residualSquares = c.sumYY - 2 * p * c.sumYM + p * p * c.sumMM;
  const variance = c.n > 1 ? Math.max(residualSquares, 0) / (c.n * (c.n - 1) * meanM * meanM) : 0;
  const effectiveN = variance > 0 && p > 0 && p < 1 ? Math.min((p * (1 - p)) / variance, c.sumM) : c.n;
  const z = normalQuantile((1 + confidence) / 2);
  const z2 = (z * z) / effectiveN;
  const centre = (p + z2 / 2) / (1 + z2);
  const half = (z * Math.sqrt((p * (1 - p)) / effectiveN + z2 / (4 * effectiveN))) / (1 + z2);
  return {
    estimate: p,
    lower: p <= 0 ? 0 : Math.max(centre - half, 0),
    upper: p >= 1 ? 1 : Math.min(centre + half, 1),
    effectiveN,
  };
}
