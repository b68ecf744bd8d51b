import { partOfRun } from './part_of_run.ts';

/**
 * Run length for a shift. Making Data Count lets users pick 6 or 7 (NHSRplotthedots issue #202);
 * we match the package's fixed 7, which the reference vectors test (xmr_23: 6 above not flagged).
 */
export const SHIFT_LENGTH = 7;

export interface ShiftRule {
  /** 1 at the last point of each window of 7 points on the same side of the mean, else 0. */
  readonly runEnd: readonly number[];
  /** Point belongs to a run of ≥ 7 on one side of the mean. */
  readonly flagged: readonly boolean[];
}

/**
 * Shift (run) rule: seven or more consecutive points on the same side of the mean.
 *
 * A point exactly on the mean (relativeToMean 0) breaks the run. This follows NHSRplotthedots
 * 0.2.2 (`ptd_seven_point_one_side_mean()`) rather than guidance that skips such points; the
 * package's choice is the one the reference vectors pin (xmr_23, month 17).
 *
 * @example shiftRule([1, 1, 1, 1, 1, 1, 1]).flagged // seven trues
 */
export function shiftRule(relativeToMean: readonly number[]): ShiftRule {
  const runEnd = relativeToMean.map((r, i) => {
    if (i < SHIFT_LENGTH - 1 || r === 0) return 0;
    const window = relativeToMean.slice(i - SHIFT_LENGTH + 1, i + 1);
    return window.every((w) => w === r) ? 1 : 0;
  });
  return { runEnd, flagged: partOfRun(runEnd, SHIFT_LENGTH) };
}
