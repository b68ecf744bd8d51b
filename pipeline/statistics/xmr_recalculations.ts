import { SHIFT_LENGTH } from './shift_rule.ts';
import { xmrLimits } from './xmr_limits.ts';

const defaults = {
  /** Making Data Count's usual baseline: limits from a period's first 12 points, then fixed. */
  baselinePoints: 12,
};

export interface XmrRecalculationOptions {
  /** How many points of a period its mean and limits are built from (fix_after_n_points). */
  readonly baselinePoints?: number;
}

/**
 * Where an XmR chart's limits are recalculated, as NHS "Making Data Count" practice does it:
 * limits are computed on a baseline (the first `baselinePoints` of a period, or all there are) and
 * then held; only a sustained change starts a new period, namely a shift of 7 points in a row on
 * one side of the held mean, all after the baseline (a point on the mean breaks the run, as in
 * `shiftRule`). The new period starts at the shift's first point and gets its own baseline, and the
 * search goes on from there. Returns the indices (into `values`, in time order) where a new
 * period starts; 0 is never among them. Feed them to `xmrChart` as `rebase` dates with
 * `fixAfterNPoints: baselinePoints`.
 *
 * Reference: NHS England "Making Data Count: Getting started" (2019), "when to recalculate
 * limits"; NHSRplotthedots 0.2.2 `fix_after_n_points` and `ptd_rebase()`.
 *
 * @example xmrRecalculations([...Array(12).fill(0).map((_, i) => 10 + (i % 2) * 2), 14, 14, 14, 14, 14, 14, 14]) // [12]
 */
export function xmrRecalculations(values: readonly number[], options: XmrRecalculationOptions = {}): number[] {
  const baselinePoints = options.baselinePoints ?? defaults.baselinePoints;
  if (!(Number.isInteger(baselinePoints) && baselinePoints >= 1)) throw new RangeError('xmrRecalculations requires baselinePoints to be a positive integer');
  const starts: number[] = [];
  let start = 0;
  while (start < values.length) {
    // the period's mean exactly as xmrChart will compute it for that rebase group
    const { mean } = xmrLimits(values.slice(start), { fixAfterNPoints: baselinePoints });
    const shift = firstShift(values, Math.min(start + baselinePoints, values.length), mean);
    if (shift === null) break;
    starts.push(shift);
    start = shift;
  }
  return starts;
}

/** The first index from `from` on that begins SHIFT_LENGTH points in a row on one side of `mean`. */
function firstShift(values: readonly number[], from: number, mean: number): number | null {
  let side = 0;
  let run = 0;
  for (let i = from; i < values.length; i++) {
    const position = Math.sign(values[i]! - mean);
    run = position !== 0 && position === side ? run + 1 : position === 0 ? 0 : 1;
    side = position;
    if (run === SHIFT_LENGTH) return i - SHIFT_LENGTH + 1;
  }
  return null;
}
