import { rateRatioInterval, type RateRatio } from '../statistics/rate_ratio_interval.ts';

/** How a fix is reviewed: its windows and the least evidence a verdict needs. */
export const FIX_REVIEW = {
  /** Days before the fix whose complaints are the rate it should lower. */
  beforeDays: 84,
  /** Days after the fix left out: the fix takes effect, complaints already on their way arrive. */
  waitDays: 14,
  /** Days after the waiting period compared with the days before. */
  afterDays: 84,
  /** Days after the waiting period a verdict needs at least; fewer is too soon to judge. */
  minAfterDays: 28,
  /** Complaints before the fix below which a fall cannot be shown. */
  minBefore: 3,
  /** Complaints in each season window a year earlier that the season adjustment needs. */
  minSeason: 10,
} as const;

/** What the review of a fix says: complaints fell, it is not clear yet, they did not fall, they rose, too few to judge, too soon to judge. */
export type FixVerdict = 'fell' | 'unclear' | 'not_fallen' | 'rose' | 'too_few' | 'too_soon';

/** A fix's counts (int_fix_counts). */
export interface FixCounts {
  before: number;
  after: number;
  beforeDays: number;
  afterDays: number;
  /** The reference's complaints in the same windows 52 weeks earlier; null without a year of history. */
  seasonBefore: number | null;
  seasonAfter: number | null;
}

export interface FixReview {
  verdict: FixVerdict;
  ratio: RateRatio;
  /** The season's own after/before ratio per day, a year earlier; null when not adjusted. */
  expectedRatio: number | null;
  /** Whether the warning the fix names opens again. */
  reopens: boolean;
}

/**
 * The verdict on one fix: the rate ratio of its problem's complaints after/before with the exact
 * conditional interval (rateRatioInterval, R's poisson.test). Where a year of history gives at
 * least `minSeason` reference complaints in both windows a year earlier, the exposures are those
 * reference counts instead of days, which divides the ratio by the season's own after/before
 * ratio (indirect standardisation; the year-earlier counts are taken as known). Then, in order:
 * fewer than `minAfterDays` after the wait → too_soon; interval above 1 → rose; below 1 → fell;
 * fewer than `minBefore` complaints before → too_few; the whole after window seen with the ratio
 * at 1 or more → not_fallen; else unclear (judged again as the weeks come in). rose and not_fallen
 * reopen the warning.
 *
 * @example fixVerdict({ before: 9, after: 0, beforeDays: 84, afterDays: 70, seasonBefore: null, seasonAfter: null }).verdict // 'fell'
 */
export function fixVerdict(counts: FixCounts, settings: typeof FIX_REVIEW = FIX_REVIEW): FixReview {
  const seasonal =
    counts.seasonBefore !== null && counts.seasonAfter !== null && counts.seasonBefore >= settings.minSeason && counts.seasonAfter >= settings.minSeason;
  if (counts.afterDays < settings.minAfterDays) {
    return { verdict: 'too_soon', ratio: { estimate: null, low: 0, high: Infinity }, expectedRatio: null, reopens: false };
  }
  const expectedRatio = seasonal ? counts.seasonAfter! / counts.afterDays / (counts.seasonBefore! / counts.beforeDays) : null;
  const ratio = seasonal
    ? rateRatioInterval(counts.after, counts.seasonAfter!, counts.before, counts.seasonBefore!)
    : rateRatioInterval(counts.after, counts.afterDays, counts.before, counts.beforeDays);
  const verdict: FixVerdict =
    ratio.low > 1
      ? 'rose'
      : ratio.high < 1
        ? 'fell'
        : counts.before < settings.minBefore
          ? 'too_few'
          : counts.afterDays >= settings.afterDays && (ratio.estimate ?? 0) >= 1
            ? 'not_fallen'
            : 'unclear';
  return { verdict, ratio, expectedRatio, reopens: verdict === 'rose' || verdict === 'not_fallen' };
}
