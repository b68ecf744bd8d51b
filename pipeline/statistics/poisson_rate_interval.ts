import { gammaQuantile } from './gamma_quantile.ts';

/**
 * The exact (Garwood) interval of a rate of `count` events over `exposure`, scaled by `per`: the
 * interval of R's `poisson.test(count, exposure)$conf.int`, times `per`. Its lower limit is the
 * α/2 quantile of Gamma(count), 0 when there were none; its upper limit the 1 − α/2 quantile of
 * Gamma(count + 1); each divided by the exposure.
 *
 * @example poissonRateInterval(10, 1000, 1000) // { low: 4.795389…, high: 18.390356… } (R: poisson.test(10, 1000))
 */
export function poissonRateInterval(count: number, exposure: number, per = 1, level = 0.95): { low: number; high: number } {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError('poissonRateInterval requires a whole count of at least 0');
  if (!(exposure > 0)) throw new RangeError('poissonRateInterval requires an exposure above 0');
  const tail = (1 - level) / 2;
  const low = count === 0 ? 0 : gammaQuantile(tail, count);
  const high = gammaQuantile(tail, count + 1, true);
  return { low: (low / exposure) * per, high: (high / exposure) * per };
}
