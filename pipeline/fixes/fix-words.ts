import type { Language } from '../config.ts';
import { formatNumber, t } from '../i18n.ts';
import type { Category } from '../text/category-lexicon.ts';
import { FIX_REVIEW } from './fix-verdict.ts';
import type { FixReviewRow } from './fixes.ts';

/** A fix's review in words, for the department page, the monthly analysis and a reopened warning. */
export interface FixWords {
  /** What the fix was about: its warning, department, category, place and keywords. */
  about: string;
  verdict: string;
  /** The counts, the ratio and its interval, the waiting period and the season adjustment. */
  detail: string;
}

/**
 * Words for one fix review in the site's language.
 * @example fixWords(review, 'en').verdict // 'Complaints fell: the fix worked'
 */
export function fixWords(review: FixReviewRow, language: Language): FixWords {
  const n = (value: number) => formatNumber(language, value);
  const ratio = (value: number | null) => (value === null ? '–' : formatNumber(language, value, 2));
  const separator = language === 'zh' ? '、' : ', ';
  const about = [
    review.warning_id === null ? null : t(language, 'fix.warning', { id: review.warning_id }),
    review.department,
    review.category === null ? null : t(language, `category.${review.category as Category}`),
    review.location,
    review.keywords.length === 0 ? null : review.keywords.map((keyword) => `“${keyword}”`).join(separator),
  ].filter((part) => part !== null);
  const counts =
    review.verdict === 'too_soon'
      ? t(language, 'fix.detailTooSoon', { before: n(review.before_complaints), beforeDays: n(review.before_days), fixed: review.fixed_on, wait: n(FIX_REVIEW.waitDays), afterStart: review.after_start })
      : t(language, 'fix.detail', {
          before: n(review.before_complaints),
          beforeDays: n(review.before_days),
          fixed: review.fixed_on,
          after: n(review.after_complaints),
          afterDays: n(review.after_days),
          afterStart: review.after_start,
          wait: n(FIX_REVIEW.waitDays),
          ratio: ratio(review.rate_ratio),
          low: ratio(review.ci_low),
          high: review.ci_high === null ? '∞' : ratio(review.ci_high),
        });
  const season = review.verdict === 'too_soon' ? '' : review.season_adjusted ? t(language, 'fix.season', { expected: ratio(review.expected_ratio) }) : t(language, 'fix.noSeason');
  return {
    about: about.join(' · '),
    verdict: t(language, `fix.verdict.${review.verdict}`, { day: review.judge_from }),
    detail: `${counts}${season}`,
  };
}
