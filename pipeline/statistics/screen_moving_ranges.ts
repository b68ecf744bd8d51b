import { sum } from 'simple-statistics';

/** Upper range limit for moving ranges: D4 for subgroups of two (Wheeler & Chambers 1992). */
const SCREEN_MULTIPLIER = 3.267;

/**
 * Drops moving ranges at or above 3.267 × their mean, once, as NHSRplotthedots 0.2.2 does with
 * `screen_outliers = TRUE` (`ptd_spc_standard()`): a range is kept only if strictly below the
 * threshold and the screen is not repeated. A constant series therefore loses every range
 * (0 < 0 is false) and its limits become NaN; we keep that rather than special-case it, because
 * it is the package's documented behaviour and the vectors (xmr_09) pin it.
 *
 * @example screenMovingRanges([null, 1, 1, 1, 1, 1, 1, 1, 1, 20]) // 20 ≥ 3.267 × 28/9 is dropped
 */
export function screenMovingRanges(ranges: readonly (number | null)[]): (number | null)[] {
  const present = ranges.filter((r): r is number => r !== null);
  const threshold = SCREEN_MULTIPLIER * (sum(present) / present.length);
  return ranges.map((r) => (r !== null && r < threshold ? r : null));
}
