import { describe, expect, it } from 'vitest';
import { gammaQuantile } from '../../pipeline/statistics/gamma_quantile.ts';
import { normalQuantile } from '../../pipeline/statistics/normal_quantile.ts';
import { regularizedGammaP, regularizedGammaQ } from '../../pipeline/statistics/regularized_gamma.ts';
import { expectClose } from './vectors.ts';

describe('gammaQuantile', () => {
  it('inverts the exponential distribution (shape 1): x = −log(1 − p), closed form', () => {
    for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
      expectClose(gammaQuantile(p, 1), -Math.log1p(-p), 1e-13, `p=${p}`);
      expectClose(gammaQuantile(p, 1, true), -Math.log(p), 1e-13, `upper p=${p}`);
    }
  });

  it('gives chi-square with 1 df (shape ½): qchisq(p, 1) = qnorm((1 + p)/2)², closed form', () => {
    for (const p of [0.05, 0.5, 0.95]) expectClose(2 * gammaQuantile(p, 0.5), normalQuantile((1 + p) / 2) ** 2, 1e-12, `p=${p}`);
  });

  it('reproduces exact Poisson funnel limits from FunnelPlotR (R qchisq) at E = 523.7', () => {
    // fp_05_medpar_sr_shmi_adjusted.csv, unit 030001: LCL95 = qchisq(0.025, 2E)/(2E), UCL99 =
    // qchisq(0.999, 2(E + 1))/(2E). Tolerance 1e-12: independent inversions, both ~1e-14.
    expectClose(gammaQuantile(0.975, 523.7, true) / 523.7, 0.9161767291312354, 1e-12, 'LCL95');
    expectClose(gammaQuantile(0.001, 524.7, true) / 523.7, 1.1425330123277704, 1e-12, 'UCL99');
  });

  it('is consistent with the regularised gamma functions', () => {
    // P and Q carry the prefactor exp(a·log x − x − lnΓ(a)), whose terms reach ~a·log a before
    // cancelling, so their relative error grows to ~1e-12 at a = 4000 (2e-12 observed); hence 1e-11.
    // The quantile itself stays within ~1e-14 relative, since dx/x = dP / (x·f(x)).
    for (const a of [0.3, 2.5, 40, 4000]) {
      const x = gammaQuantile(0.3, a);
      expectClose(regularizedGammaP(a, x), 0.3, 1e-11, `P a=${a}`);
      expectClose(regularizedGammaQ(a, x), 0.7, 1e-11, `Q a=${a}`);
    }
    expect(gammaQuantile(0, 3)).toBe(0);
    expect(gammaQuantile(1, 3)).toBe(Infinity);
    expect(() => gammaQuantile(0.5, 0)).toThrow(/gammaQuantile/);
  });
});
