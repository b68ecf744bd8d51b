import { betaQuantile } from './beta_quantile.ts';

/** A rate ratio after/before with its exact interval. */
export interface RateRatio {
  /** (after / afterExposure) / (before / beforeExposure); null when before is 0 (no rate to compare with). */
  estimate: number | null;
  low: number;
  /** Infinity when after holds every count. */
  high: number;
}

/**
 * The ratio of two Poisson rates, `after` counts over `afterExposure` against `before` over
 * `beforeExposure`, with its exact conditional interval: given n = after + before, `after` is
 * binomial with p = r·t1 / (r·t1 + t0), so the Clopper–Pearson interval of p (beta quantiles)
 * maps to the rate ratio r = p/(1 − p) · t0/t1. The method and the numbers of R's
 * `poisson.test(c(after, before), c(afterExposure, beforeExposure))` (Fay 2010, R Journal 2(1)).
 *
 * @example rateRatioInterval(11, 800, 21, 3011) // { estimate: 1.971488, low: 0.8584264, high: 4.2772659 }
 */
export function rateRatioInterval(after: number, afterExposure: number, before: number, beforeExposure: number, level = 0.95): RateRatio {
  if (!(afterExposure > 0 && beforeExposure > 0)) throw new RangeError('rateRatioInterval requires positive exposures');
  if (!(Number.isInteger(after) && Number.isInteger(before) && after >= 0 && before >= 0)) throw new RangeError('rateRatioInterval requires counts');
  const n = after + before;
  const alpha = (1 - level) / 2;
  const ratio = (p: number) => (p >= 1 ? Infinity : (p / (1 - p)) * (beforeExposure / afterExposure));
  if (n === 0) return { estimate: null, low: 0, high: Infinity };
  return {
    estimate: before === 0 ? null : after / afterExposure / (before / beforeExposure),
    low: after === 0 ? 0 : ratio(betaQuantile(alpha, after, n - after + 1)),
    high: after === n ? Infinity : ratio(betaQuantile(1 - alpha, after + 1, n - after)),
  };
}
