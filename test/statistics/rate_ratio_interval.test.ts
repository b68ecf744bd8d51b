import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../pipeline/statistics/beta_quantile.ts';
import { rateRatioInterval } from '../../pipeline/statistics/rate_ratio_interval.ts';
import { regularizedBeta } from '../../pipeline/statistics/regularized_beta.ts';
import { expectClose } from './vectors.ts';

describe('regularizedBeta and betaQuantile', () => {
  it('match R pbeta / qbeta', () => {
    // R: pbeta(0.3, 2.5, 4) = 0.3521975859067672; pbeta(0.9, 40, 3) = 0.1951076548269368
    expectClose(regularizedBeta(0.3, 2.5, 4), 0.3521975859067672, 1e-12, 'pbeta(0.3, 2.5, 4)');
    expectClose(regularizedBeta(0.9, 40, 3), 0.19510765482693676, 1e-12, 'pbeta(0.9, 40, 3)');
    // closed form: I_x(1, 1) = x; I_x(a, 1) = x^a
    expectClose(regularizedBeta(0.37, 1, 1), 0.37, 1e-14, 'uniform');
    expectClose(regularizedBeta(0.6, 3, 1), 0.216, 1e-13, 'x^3');
    // R: qbeta(0.025, 3, 13) = 0.0433120051058366
    expectClose(betaQuantile(0.025, 3, 13), 0.0433120051058366, 1e-10, 'qbeta(0.025, 3, 13)');
  });
});

describe('rateRatioInterval', () => {
  it("reproduces R's poisson.test help example", () => {
    // R: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) →
    // rate ratio 1.971488, 95 percent confidence interval 0.8584264 4.2772659
    const result = rateRatioInterval(11, 800, 21, 3011);
    expectClose(result.estimate, 1.971488095238095, 1e-12, 'estimate');
    expectClose(result.low, 0.8584264033916397, 1e-8, 'low');
    expectClose(result.high, 4.277265943654075, 1e-8, 'high');
  });

  it('gives the intervals of the verdicts (R poisson.test, 70 days after against 84 before)', () => {
    // poisson.test(c(0, 9), c(70, 84)): estimate 0, CI 0 0.6079562 → fell
    const fell = rateRatioInterval(0, 70, 9, 84);
    expect(fell.estimate).toBe(0);
    expect(fell.low).toBe(0);
    expectClose(fell.high, 0.6079562283536009, 1e-8, 'high, none after');
    // poisson.test(c(3, 12), c(70, 84)): 0.3, CI 0.05432744 1.11165383 → not clear yet
    const unclear = rateRatioInterval(3, 70, 12, 84);
    expectClose(unclear.estimate, 0.3, 1e-12, 'estimate');
    expectClose(unclear.low, 0.054327436326567204, 1e-8, 'low');
    expectClose(unclear.high, 1.1116538324612455, 1e-8, 'high');
    // poisson.test(c(14, 6), c(70, 84)): 2.8, CI 1.010803 8.889834 → rose
    const rose = rateRatioInterval(14, 70, 6, 84);
    expectClose(rose.low, 1.0108030874299538, 1e-8, 'low');
    expectClose(rose.high, 8.889833961744513, 1e-8, 'high');
  });

  it('has no estimate without a rate before, and an unbounded top when all counts are after', () => {
    // poisson.test(c(5, 0), c(70, 84)): CI 1.099627 Inf
    const result = rateRatioInterval(5, 70, 0, 84);
    expect(result.estimate).toBeNull();
    expectClose(result.low, 1.0996270287785517, 1e-8, 'low');
    expect(result.high).toBe(Infinity);
    expect(rateRatioInterval(0, 70, 0, 84)).toEqual({ estimate: null, low: 0, high: Infinity });
  });
});
