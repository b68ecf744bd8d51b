// Lanczos coefficients for g = 607/128, n = 15 (Godfrey; as used by Boost and Apache Commons
// Math), relative error about 1e-15 over the positive reals.
const G = 607 / 128;
const COEFFICIENTS = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
  -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4,
  -0.98374475304879564677e-4, 0.15808870322491248884e-3, -0.21026444172410488319e-3,
  0.2174396181152126432e-3, -0.16431810653676389022e-3, 0.84418223983852743293e-4,
  -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Natural logarithm of the gamma function for x > 0 (Lanczos 1964, SIAM J. Numer. Anal. B 1:86–96).
 *
 * @example logGamma(5) // Math.log(24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError('logGamma requires x > 0');
  let sum = COEFFICIENTS[0] ?? 1;
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += (COEFFICIENTS[i] ?? 0) / (x + i - 1);
  const t = x + G - 0.5;
  return HALF_LOG_TWO_PI + (x - 0.5) * Math.log(t) - t + Math.log(sum);
}
