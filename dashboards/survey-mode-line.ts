import type { Language } from '../pipeline/config.ts';
import { formatNumber } from '../pipeline/i18n.ts';
import { fill, html, type SafeHtml } from './html.ts';
import { monthTag } from './time-tag.ts';

/** One row of mart_satisfaction_modes: one survey mode's satisfaction in one month, in one hospital. */
export interface SurveyModeRow {
  survey_mode: string;
  responses: number;
  pct_satisfied: number | null;
  suppressed: boolean;
}

/** The line's words and the modes' names, per language, beside the only module that uses them. */
const copy: Record<Language, { line: string; tooFew: string; modes: Record<string, string> }> = {
  en: {
    line: 'Satisfaction index by how the survey was taken, {month}:',
    tooFew: 'too few responses',
    modes: { ward_visit: 'ward visit', post_discharge_call: 'post-discharge call', kiosk: 'kiosk', online: 'online', other: 'other' },
  },
  zh: {
    line: '按调查方式的满意度指数（{month}）：',
    tooFew: '应答过少',
    modes: { ward_visit: '病房走访', post_discharge_call: '出院电话回访', kiosk: '自助机', online: '网上', other: '其他' },
  },
  vi: {
    line: 'Chỉ số hài lòng theo cách khảo sát, {month}:',
    tooFew: 'quá ít phiếu trả lời',
    modes: { ward_visit: 'khảo sát tại khoa', post_discharge_call: 'gọi điện sau ra viện', kiosk: 'ki-ốt', online: 'trực tuyến', other: 'khác' },
  },
};

/** The order a quality office reads the modes in: the customer-care team's own first. */
const ORDER = ['ward_visit', 'post_discharge_call', 'kiosk', 'online', 'other'];

/**
 * The satisfaction page's line on survey modes (ward visit, post-discharge call, kiosk, online) for
 * the month shown: each mode's index with its respondents, "too few responses" (and no number) below the floor.
 * Nothing where the surveys do not say how they were taken.
 *
 * @example renderSurveyModes([{ survey_mode: 'kiosk', responses: 12, pct_satisfied: 83.3, suppressed: false }], '2025-06', 'en')
 *   // <p class="meta">Satisfaction index by how the survey was taken, 2025-06: kiosk 83.3% (12)</p>
 */
export function renderSurveyModes(rows: readonly SurveyModeRow[], month: string, language: Language): SafeHtml | '' {
  if (rows.length === 0) return '';
  const words = copy[language];
  const rank = (mode: string) => (ORDER.includes(mode) ? ORDER.indexOf(mode) : ORDER.length);
  const parts = [...rows]
    .sort((a, b) => rank(a.survey_mode) - rank(b.survey_mode))
    .map((row) => {
      const name = words.modes[row.survey_mode] ?? row.survey_mode;
      // as in the index table: a suppressed cell carries no number, not even its respondents
      if (row.suppressed || row.pct_satisfied === null) return `${name} ${words.tooFew}`;
      return `${name} ${formatNumber(language, row.pct_satisfied, 1)}% (${formatNumber(language, row.responses)})`;
    });
  // Chinese punctuation carries its own space
  const [gap, separator] = language === 'zh' ? ['', '；'] : [' ', '; '];
  return html`<p class="meta">${fill(words.line, { month: monthTag(language, month) })}${gap}${parts.join(separator)}</p>`;
}
