import { gammaln } from 'simple-statistics';

/**
 * The regularised incomplete beta function I_x(a, b): the beta distribution's CDF at x, and the
 * binomial tail P(X ≥ k) = I_p(k, n − k + 1) that exact binomial intervals invert.
 *
 * Evaluated by the continued fraction of Numerical Recipes (Press et al., 3rd ed., §6.4, betacf)
 * with the modified Lentz method, on the side of (a + 1)/(a + b + 2) where it converges fast, to
 * about 1e-15 relative. R's `pbeta(x, a, b)`.
 *
 * @example regularizedBeta(0.5, 2, 2) // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError('regularizedBeta requires a > 0 and b > 0');
  if (!(x >= 0 && x <= 1)) throw new RangeError('regularizedBeta requires 0 <= x <= 1');
  if (x === 0 || x === 1) return x;
  const front = Math.exp(gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

const TINY = 1e-300;

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      h *= d * c;
      if (aa !== 0 && Math.abs(d * c - 1) < 1e-16) return h;
    }
  }
  return h;
}
