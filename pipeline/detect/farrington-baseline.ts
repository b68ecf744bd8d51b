/**
 * The baseline of the improved Farrington method for week t (0-based), in integer-index mode
 * (Noufaily et al. 2013, Stat Med 32(7), §3; R surveillance `farringtonFlexible` with
 * `epochAsDate = FALSE`): every week from t − period·b − w to t − pastWeeksNotIncluded − 1, each
 * given a seasonal level. The 2w + 1 weeks around each reference week t − period·j form level
 * `noPeriods`; the weeks between two such windows are cut into noPeriods − 1 equal blocks, levels
 * 1..noPeriods − 1, counted from the older window, and a block shares its level with the block at
 * the same place in every other year.
 *
 * @example farringtonBaseline(300, 4, 3, 10, 26, 52).weeks.length // 52·4 − 23 = 185
 */
export interface FarringtonBaseline {
  /** 0-based week indices, oldest first. */
  weeks: number[];
  /** Seasonal level of each week, 1..noPeriods; noPeriods is the current week's own level. */
  levels: number[];
}

export function farringtonBaseline(t: number, b: number, w: number, noPeriods: number, pastWeeksNotIncluded: number, period: number): FarringtonBaseline {
  const gap = period - 2 * w - 1;
  if (noPeriods < 2 || gap % (noPeriods - 1) !== 0) {
    throw new RangeError(`farringtonBaseline requires the ${gap} weeks between windows to split into ${noPeriods - 1} equal blocks`);
  }
  const blockLength = gap / (noPeriods - 1);
  const weeks: number[] = [];
  const levels: number[] = [];
  for (let s = t - period * b - w; s <= t - pastWeeksNotIncluded - 1; s++) {
    // distance after the most recent window start at or before s
    const sinceWindow = (((s - (t - w)) % period) + period) % period;
    weeks.push(s);
    levels.push(sinceWindow <= 2 * w ? noPeriods : Math.floor((sinceWindow - 2 * w - 1) / blockLength) + 1);
  }
  return { weeks, levels };
}
