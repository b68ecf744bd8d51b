import { sum } from 'simple-statistics';
import { movingRanges } from './moving_ranges.ts';
import { screenMovingRanges } from './screen_moving_ranges.ts';

/** Making Data Count constants: 2.66 = 3 / d2 with d2 = 1.128 for ranges of two points. */
const defaults = {
  limitMultiplier: 2.66,
  /** Two sigma: 2 × (2.66 / 3) × mean moving range, as the package computes it. */
  nearLimitMultiplier: 2 * (2.66 / 3),
  screenOutliers: true,
  fixAfterNPoints: null as number | null,
};

export interface XmrLimitOptions {
  /** Drop moving ranges ≥ 3.267 × mean moving range before averaging (package default true). */
  readonly screenOutliers?: boolean;
  /** Build the mean and limits from the first n points only (null: all points). */
  readonly fixAfterNPoints?: number | null;
}

export interface XmrLimits {
  /** The values the limits are built from (null after fixAfterNPoints). */
  readonly baseline: readonly (number | null)[];
  readonly mean: number;
  readonly movingRanges: readonly (number | null)[];
  readonly movingRangesUsed: readonly (number | null)[];
  /** Mean of the moving ranges used; NaN when none survives screening. */
  readonly meanMovingRange: number;
  readonly lowerProcessLimit: number;
  readonly upperProcessLimit: number;
  readonly lowerNearLimit: number;
  readonly upperNearLimit: number;
}

/**
 * Centre line and process limits of one XmR chart (one facet × rebase group): mean ∓ 2.66 × mean
 * moving range, plus the 2σ "near" limits used by the two-in-three rule.
 *
 * Reference: NHS England "Making Data Count" (2019); computed as NHSRplotthedots 0.2.2
 * `ptd_spc_standard()` does.
 *
 * @example xmrLimits([10, 12, 11, 13]).upperProcessLimit // 11.5 + 2.66 × 5/3
 */
export function xmrLimits(values: readonly number[], options: XmrLimitOptions = {}): XmrLimits {
  if (values.length === 0) throw new RangeError('xmrLimits requires at least one value');
  const screenOutliers = options.screenOutliers ?? defaults.screenOutliers;
  const fixAfter = options.fixAfterNPoints ?? defaults.fixAfterNPoints;
  if (fixAfter !== null && !(Number.isInteger(fixAfter) && fixAfter >= 1)) {
    throw new RangeError('xmrLimits requires fixAfterNPoints to be a positive integer');
  }
  const baseline = values.map((y, i) => (fixAfter === null || i < fixAfter ? y : null));
  const used = baseline.filter((y): y is number => y !== null);
  // simple-statistics' sum is compensated (Kahan–Babuška): R accumulates in long double, and a plain
  // double sum would drift from its means with n; compensated, we stay within about an ulp of R.
  const mean = sum(used) / used.length;
  const ranges = movingRanges(baseline);
  const rangesUsed = screenOutliers ? screenMovingRanges(ranges) : ranges;
  const kept = rangesUsed.filter((r): r is number => r !== null);
  // With one point (or nothing kept) R's mean(numeric(0)) is NaN; so is 0/0 here.
  const meanMovingRange = sum(kept) / kept.length;
  return {
    baseline,
    mean,
    movingRanges: ranges,
    movingRangesUsed: rangesUsed,
    meanMovingRange,
    lowerProcessLimit: mean - defaults.limitMultiplier * meanMovingRange,
    upperProcessLimit: mean + defaults.limitMultiplier * meanMovingRange,
    lowerNearLimit: mean - defaults.nearLimitMultiplier * meanMovingRange,
    upperNearLimit: mean + defaults.nearLimitMultiplier * meanMovingRange,
  };
}
