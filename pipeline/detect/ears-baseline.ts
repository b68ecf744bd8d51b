import { mean, sampleStandardDeviation } from 'simple-statistics';

/**
 * Mean and sample standard deviation (n − 1 denominator) of the `length` counts ending `lag` weeks
 * before week `t` (0-based), i.e. y[t − lag − length + 1 .. t − lag]. The EARS baselines: C1 uses lag 1,
 * C2 and C3 lag 3, both with length 7 (Hutwagner et al. 2003, Fricker et al. 2008).
 * A missing count (NaN) makes both NaN, as NA does in R.
 *
 * @example earsBaseline([1, 2, 3, 4, 5, 6, 7, 9], 7, 7, 1) // { mean: 4, sd: 2.160247 }
 */
export function earsBaseline(y: readonly number[], t: number, length: number, lag: number): { mean: number; sd: number } {
  const from = t - lag - length + 1;
  const to = t - lag;
  if (from < 0 || length < 2) throw new RangeError(`earsBaseline requires ${length} >= 2 weeks before week ${t} at lag ${lag}`);
  const window = y.slice(from, to + 1);
  return { mean: mean(window), sd: sampleStandardDeviation(window) };
}
