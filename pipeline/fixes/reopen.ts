import type { Language } from '../config.ts';
import { t } from '../i18n.ts';
import type { FixReviewRow } from './fixes.ts';
import { fixWords } from './fix-words.ts';

/**
 * The warnings a fix did not mend, each with the reason it is open again, from the reviews to the
 * as-of date (`is_current`): a warning is judged by
 * the latest fix that names it, so recording a new fix replaces the verdict of the one before.
 *
 * @example reopenedWarnings(reviews, 'en').get('W-0123456789ab') // 'Reopened after the fix of 2026-03-02: …'
 */
export function reopenedWarnings(reviews: readonly FixReviewRow[], language: Language): Map<string, string> {
  const latest = new Map<string, FixReviewRow>();
  for (const review of reviews) {
    if (review.warning_id === null || !review.is_current) continue;
    const before = latest.get(review.warning_id);
    if (before === undefined || review.fixed_on > before.fixed_on) latest.set(review.warning_id, review);
  }
  const reopened = new Map<string, string>();
  for (const [id, review] of latest) {
    if (!review.reopens) continue;
    const words = fixWords(review, language);
    reopened.set(id, t(language, 'fix.reopened', { fixed: review.fixed_on, verdict: words.verdict, detail: words.detail }));
  }
  return reopened;
}
