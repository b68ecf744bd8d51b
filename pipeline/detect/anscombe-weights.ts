import { sum } from 'simple-statistics';

/**
 * Down-weighting of past outbreaks in the Farrington baseline (Farrington et al. 1996, JRSS A 159(3),
 * §3.3; Noufaily et al. 2013, Stat Med 32(7)): Anscombe residuals of the Poisson fit
 * r_i = 1.5·(y^{2/3}·μ^{−1/6} − μ^{1/2}) / √(φ(1 − h_ii)), and weights ω_i = γ·r_i^{−2} where r_i > threshold,
 * else γ, with γ such that Σω = n.
 *
 * @example anscombeWeights([1, 1, 9], [1, 1, 1], [0.3, 0.3, 0.3], 1, 2.58) // third week down-weighted
 */
export function anscombeWeights(
  y: readonly number[],
  mu: readonly number[],
  hat: readonly number[],
  phi: number,
  threshold: number,
): number[] {
  const raw = y.map((yi, i) => {
    const m = mu[i]!;
    const r = (1.5 * (Math.cbrt(yi) ** 2 * m ** (-1 / 6) - Math.sqrt(m))) / Math.sqrt(phi * (1 - hat[i]!));
    return r > threshold ? r ** -2 : 1;
  });
  const gamma = y.length / sum(raw);
  return raw.map((v) => gamma * v);
}
