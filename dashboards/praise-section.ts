import type { Language } from '../pipeline/config.ts';
import type { PraiseThemes } from '../pipeline/frequency/praise.ts';
import { formatNumber, t } from '../pipeline/i18n.ts';
import { praiseChart, type PraiseMonthRow } from './charts/praise-chart.ts';
import { fill, html, type SafeHtml } from './html.ts';
import { monthTag } from './time-tag.ts';

/** A department's or a hospital's praise: its months (mart_praise) and its themes and quotes of the 12 months. */
export interface PraiseData {
  /** The latest complete month, which the 12 months end with. */
  month: string;
  months: PraiseMonthRow[];
  themes: PraiseThemes;
}

/**
 * The recognition section of a page (the Vietnamese practice's praise for named staff and
 * teams, here without names): how much praise came in the 12 months, by month, what it praises
 * and some of its words, redacted. Says so plainly when there was none.
 *
 * @example renderPraise({ month: '2025-06', months, themes }, 'vi', 'Khoa Nhi')
 */
export function renderPraise(data: PraiseData, language: Language, scope: string): SafeHtml {
  const m = (key: Parameters<typeof t>[1], values?: Record<string, string | number>) => t(language, key, values);
  if (data.themes.records === 0) return html`<h2>${m('praise.title')}</h2>\n<p>${fill(m('praise.none'), { month: monthTag(language, data.month) })}</p>`;
  const themes = data.themes.themes.map((theme) => html`<li>${theme.surface} <span class="meta">(${formatNumber(language, theme.records)})</span></li>`);
  const quotes = data.themes.quotes.map((quote) => html`<blockquote>${quote}</blockquote>`);
  return html`<h2>${m('praise.title')}</h2>
<p>${fill(m('praise.intro', { total: formatNumber(language, data.themes.records) }), { month: monthTag(language, data.month) })}</p>
${praiseChart(data.months, { language, scope }) ?? ''}
${themes.length === 0 ? '' : html`<h3>${m('praise.themes')}</h3>\n<ul class="themes">${themes}</ul>`}
${quotes.length === 0 ? '' : html`<h3>${m('praise.quotes')}</h3>\n${quotes}`}`;
}
