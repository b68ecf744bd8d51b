import { describe, expect, it } from 'vitest';
import { poissonRateInterval } from '../../pipeline/statistics/poisson_rate_interval.ts';

// R 4.x: poisson.test(x, T)$conf.int, the exact (Garwood) interval, by hand from qgamma:
//   poisson.test(10, 1000)$conf.int  # 0.004795389 0.018390356
//   poisson.test(3, 1)$conf.int      # 0.6186721 8.7672731  (qgamma(0.025, 3), qgamma(0.975, 4))
//   poisson.test(0, 1)$conf.int      # 0.000000 3.688879    (0, -log(0.025))
describe('poissonRateInterval', () => {
  it('gives R’s exact interval for 10 complaints in 1,000 visits, per 1,000', () => {
    const { low, high } = poissonRateInterval(10, 1000, 1000);
    expect(low).toBeCloseTo(4.795389, 5);
    expect(high).toBeCloseTo(18.390356, 5);
  });

  it('gives the textbook interval of 3 events (0.619, 8.767)', () => {
    const { low, high } = poissonRateInterval(3, 1);
    expect(low).toBeCloseTo(0.6186721, 6);
    expect(high).toBeCloseTo(8.7672731, 6);
  });

  it('starts at 0 when there were none, its upper limit −log(0.025)', () => {
    expect(poissonRateInterval(0, 1)).toEqual({ low: 0, high: expect.closeTo(-Math.log(0.025), 12) });
  });

  it('refuses what is not a count or an exposure', () => {
    expect(() => poissonRateInterval(2.5, 10)).toThrow(RangeError);
    expect(() => poissonRateInterval(2, 0)).toThrow(RangeError);
  });
});
