import { normalQuantile } from './normal_quantile.ts';

export interface ProportionInterval {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wilson score interval for a binomial proportion, without continuity correction.
 *
 * Wilson (1927), JASA 22:209–212. Evaluated in the same order as R's
 * `prop.test(x, n, conf.level, correct = FALSE)$conf.int`, which returns exactly 0 at x = 0 and
 * exactly 1 at x = n (the bare closed formula can land ±1e-17 off those bounds).
 *
 * @example wilsonInterval(7, 50) // { estimate: 0.14, lower: 0.0695083…, upper: 0.2618619… }
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('wilsonInterval requires a positive integer n');
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError('wilsonInterval requires 0 <= successes <= n');
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('wilsonInterval requires 0 < confidence < 1');
  const estimate = successes / n;
  const z = normalQuantile((1 + confidence) / 2);
  const z22n = (z * z) / (2 * n);
  const half = (p: number): number => z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const upper = estimate >= 1 ? 1 : (estimate + z22n + half(estimate)) / (1 + 2 * z22n);
  const lower = estimate <= 0 ? 0 : (estimate + z22n - half(estimate)) / (1 + 2 * z22n);
  return { estimate, lower: Math.max(lower, 0), upper: Math.min(upper, 1) };
}
