import { partOfRun } from './part_of_run.ts';

/** Trend length, fixed at 7 as in NHSRplotthedots 0.2.2 (the MDC tool also offers 6; issue #195). */
export const TREND_LENGTH = 7;

export interface TrendRule {
  /** +1 / −1 at the last point of each 7-point strictly increasing / decreasing window, else 0. */
  readonly trendEnd: readonly number[];
  /** Point belongs to a trend of ≥ 7 points. */
  readonly flagged: readonly boolean[];
}

/**
 * Trend rule: seven consecutive points each strictly above (or below) the one before, on the
 * values themselves, so a trend may cross the mean.
 *
 * An equal pair breaks the trend. The NHS Improvement run-chart guide says a repeated value neither
 * adds to nor cancels a trend; we match NHSRplotthedots 0.2.2 (`ptd_seven_point_trend()`) instead,
 * which the reference vectors pin (xmr_24: 8 rising points with one tie are not a trend).
 *
 * @example trendRule([1, 2, 3, 4, 5, 6, 7]).trendEnd // [0, 0, 0, 0, 0, 0, 1]
 */
export function trendRule(values: readonly number[]): TrendRule {
  const trendEnd = values.map((_, i) => {
    if (i < TREND_LENGTH - 1) return 0;
    const steps = values.slice(i - TREND_LENGTH + 1, i + 1);
    const signs = steps.slice(1).map((y, k) => Math.sign(y - (steps[k] ?? Number.NaN)));
    if (signs.every((s) => s === 1)) return 1;
    if (signs.every((s) => s === -1)) return -1;
    return 0;
  });
  return { trendEnd, flagged: partOfRun(trendEnd, TREND_LENGTH) };
}
