import { regularizedBeta } from './regularized_beta.ts';

/**
 * Quantile of the beta distribution: the x in [0, 1] with I_x(a, b) = p (R's `qbeta(p, a, b)`).
 * I_x is increasing in x, so bisection finds it to 1e-15 in at most 60 halvings; speed does not
 * matter for the handful of intervals a run computes.
 *
 * @example betaQuantile(0.5, 2, 2) // 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError('betaQuantile requires 0 <= p <= 1');
  if (p === 0) return 0;
  if (p === 1) return 1;
  let low = 0;
  let high = 1;
  while (high - low > 1e-15) {
    const middle = (low + high) / 2;
    if (regularizedBeta(middle, a, b) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
