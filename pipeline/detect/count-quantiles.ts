/**
 * Quantiles of the Poisson and negative binomial distributions: the smallest k with P(Y ≤ k) ≥ p,
 * as R's `qpois` and `qnbinom(p, size, prob)` define them. The CDF is summed from k = 0 in log space
 * (pmf recursions P(k)/P(k−1) = μ/k and (k − 1 + size)(1 − prob)/k), which is exact enough for the
 * means of weekly feedback counts (the sum is O(k)).
 *
 * @example qpois(0.95, 4) // 8; qnbinom(0.95, 2, 0.5) // 6
 */
export function qpois(p: number, mu: number): number {
  if (!(p >= 0 && p < 1) || !(mu >= 0)) throw new RangeError(`qpois requires 0 <= p < 1 and mu >= 0, got ${p}, ${mu}`);
  if (mu === 0) return 0;
  return search(p, -mu, (k) => Math.log(mu / k));
}

export function qnbinom(p: number, size: number, prob: number): number {
  if (!(p >= 0 && p < 1) || !(size > 0) || !(prob > 0 && prob <= 1)) {
    throw new RangeError(`qnbinom requires 0 <= p < 1, size > 0, 0 < prob <= 1, got ${p}, ${size}, ${prob}`);
  }
  if (prob === 1) return 0;
  const log1mProb = Math.log1p(-prob);
  return search(p, size * Math.log(prob), (k) => Math.log((k - 1 + size) / k) + log1mProb);
}

function search(p: number, logP0: number, logRatio: (k: number) => number): number {
  // R compares with a relative fuzz of 64·DBL_EPSILON so that p at a CDF step returns that step
  const target = Math.log(p * (1 - 64 * Number.EPSILON));
  let logPmf = logP0;
  let logCdf = logP0;
  let k = 0;
  while (logCdf < target) {
    k++;
    logPmf += logRatio(k);
    logCdf = logCdf > logPmf ? logCdf + Math.log1p(Math.exp(logPmf - logCdf)) : logPmf + Math.log1p(Math.exp(logCdf - logPmf));
    if (k > 1e7) throw new RangeError('count quantile search did not terminate');
  }
  return k;
}
