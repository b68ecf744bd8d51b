import { LANGUAGES, type Language } from '../config.ts';
import { t } from '../i18n.ts';
import { DETECTOR_KINDS, type Warning } from '../warnings/warnings.ts';
import type { FixReviewRow } from './fixes.ts';
import { fixWords } from './fix-words.ts';

/**
 * Whether a complaint warning is about the problem a fix names without a warning id: of its
 * hospital, raised by the day it was fixed, and matching each of the department, category, place
 * and keywords the fix gives (a keyword: any one of them among the warning's, in any case).
 */
function aboutFixedProblem(warning: Warning, fix: FixReviewRow): boolean {
  const keywords = new Set(warning.keywords.map((keyword) => keyword.toLowerCase()));
  return (
    warning.hospital === fix.hospital &&
    (DETECTOR_KINDS as readonly string[]).includes(warning.kind) &&
    warning.period_start <= fix.fixed_on &&
    (fix.departments.length === 0 || (warning.department !== null && fix.departments.includes(warning.department))) &&
    (fix.category === null || warning.category === fix.category) &&
    (fix.location === null || warning.location === fix.location) &&
    (fix.keywords.length === 0 || fix.keywords.some((keyword) => keywords.has(keyword.toLowerCase())))
  );
}

/** The warning a fix is about: the one it names, else the latest complaint warning about the problem it names (its own facts), or null. */
function fixedWarningId(fix: FixReviewRow, published: ReadonlyMap<string, Warning>): string | null {
  if (fix.warning_id !== null) return fix.warning_id;
  const [latest] = [...published.values()].filter((warning) => aboutFixedProblem(warning, fix)).sort((a, b) => (a.period_start === b.period_start ? (a.id < b.id ? -1 : 1) : a.period_start > b.period_start ? -1 : 1));
  return latest?.id ?? null;
}

/** Why a warning is open again, in each language: a page says it in its own (the warnings file in the run's). */
export type ReopenedReasons = Readonly<Record<Language, string>>;

/**
 * The warnings a fix did not mend, each with the reason it is open again in every language, from the reviews to the
 * as-of date (`is_current`): a fix names its warning, or the problem (department, category, place,
 * keywords), whose latest complaint warning raised by the fix's day (of `published`, the warning
 * log's last form of each) it is then about; a warning is judged by the latest fix about it, so
 * recording a new fix replaces the verdict of the one before.
 *
 * @example reopenedWarnings(reviews, history.published).get('W-0123456789ab')?.en // 'Reopened after the fix of 2026-03-02: …'
 */
export function reopenedWarnings(reviews: readonly FixReviewRow[], published: ReadonlyMap<string, Warning> = new Map()): Map<string, ReopenedReasons> {
  const latest = new Map<string, FixReviewRow>();
  for (const review of reviews) {
    if (!review.is_current) continue;
    const id = fixedWarningId(review, published);
    if (id === null) continue;
    const before = latest.get(id);
    if (before === undefined || review.fixed_on > before.fixed_on) latest.set(id, review);
  }
  const reopened = new Map<string, ReopenedReasons>();
  for (const [id, review] of latest) {
    if (!review.reopens) continue;
    const reason = (language: Language) => {
      const words = fixWords(review, language);
      return t(language, 'fix.reopened', { fixed: review.fixed_on, verdict: words.verdict, detail: words.detail });
    };
    reopened.set(id, Object.fromEntries(LANGUAGES.map((language) => [language, reason(language)])) as Record<Language, string>);
  }
  return reopened;
}
