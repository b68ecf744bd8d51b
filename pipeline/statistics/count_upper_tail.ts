import { gammaln } from 'simple-statistics';

/**
 * Upper tails P(Y ≥ y) of the Poisson and negative binomial distributions, the p-value of a count
 * against its baseline. Summed upwards from y in log space (pmf recursions as in
 * pipeline/detect/count-quantiles.ts) rather than as 1 − CDF, so a very surprising count keeps its
 * tiny p-value instead of cancelling to 0: the warnings are ranked by it.
 *
 * @example poissonUpperTail(10, 4) // 0.0081322… (R: ppois(9, 4, lower.tail = FALSE))
 */
export function poissonUpperTail(y: number, mu: number): number {
  check(y);
  if (!(mu >= 0)) throw new RangeError(`poissonUpperTail requires mu >= 0, got ${mu}`);
  if (y <= 0) return 1;
  if (mu === 0) return 0;
  return sumUpwards(y, y * Math.log(mu) - mu - gammaln(y + 1), (k) => Math.log(mu / k));
}

/** P(Y ≥ y) for the negative binomial with R's (size, prob): mean size·(1 − prob)/prob. */
export function negativeBinomialUpperTail(y: number, size: number, prob: number): number {
  check(y);
  if (!(size > 0) || !(prob > 0 && prob <= 1)) throw new RangeError(`negativeBinomialUpperTail requires size > 0, 0 < prob <= 1, got ${size}, ${prob}`);
  if (y <= 0) return 1;
  if (prob === 1) return 0;
  const log1mProb = Math.log1p(-prob);
  const logPmfY = gammaln(y + size) - gammaln(size) - gammaln(y + 1) + size * Math.log(prob) + y * log1mProb;
  return sumUpwards(y, logPmfY, (k) => Math.log((k - 1 + size) / k) + log1mProb);
}

function check(y: number): void {
  if (!Number.isInteger(y)) throw new RangeError(`an upper tail requires an integer count, got ${y}`);
}

/** Σ_{k ≥ y} pmf(k) from log pmf(y); `logRatio(k)` is log pmf(k)/pmf(k − 1). Stops once the terms fall below 1e-17 of the sum. */
function sumUpwards(y: number, logPmfY: number, logRatio: (k: number) => number): number {
  // relative to pmf(y), so a tail of 1e-300 still sums without underflow
  let relative = 1;
  let sum = 0;
  for (let k = y + 1; relative >= sum * 1e-17 || logRatio(k) >= 0; k++) {
    sum += relative;
    relative *= Math.exp(logRatio(k));
    if (k > y + 1e7) throw new RangeError('count upper tail did not converge');
  }
  return Math.min(1, sum * Math.exp(logPmfY));
}
