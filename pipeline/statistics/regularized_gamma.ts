import { gammaln } from 'simple-statistics';

const EPSILON = 1e-17;
const MAX_ITERATIONS = 100_000;

/** log(x^a e^−x / Γ(a)), the prefactor shared by the series and the continued fraction. */
function logPrefactor(a: number, x: number): number {
  return a * Math.log(x) - x - gammaln(a);
}

/** Series for P(a, x), accurate when x < a + 1 (Numerical Recipes, 3rd ed., §6.2). */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(logPrefactor(a, x));
}

/** Continued fraction for Q(a, x) by modified Lentz, accurate when x ≥ a + 1 (NR §6.2). */
function upperFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}

/**
 * Regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), the gamma CDF.
 *
 * @example regularizedGammaP(1, 1) // 1 − e^−1
 */
export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError('regularizedGammaP requires a > 0 and x >= 0');
  if (x === 0) return 0;
  return x < a + 1 ? lowerSeries(a, x) : 1 - upperFraction(a, x);
}

/**
 * Regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed directly in the
 * upper tail so that small tail probabilities keep their relative accuracy.
 *
 * @example regularizedGammaQ(1, 1) // e^−1
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError('regularizedGammaQ requires a > 0 and x >= 0');
  if (x === 0) return 1;
  return x < a + 1 ? 1 - lowerSeries(a, x) : upperFraction(a, x);
}
