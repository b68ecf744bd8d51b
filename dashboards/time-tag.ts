import type { Language } from '../pipeline/config.ts';
import { formatDate, formatInstant, formatMonth } from '../pipeline/dates.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Dates on a page: written as the reader's language writes them (pipeline/dates.ts), inside a
 * `<time>` whose `datetime` keeps the ISO value for machines; a missing date is a dash.
 *
 * @example dayTag('vi', '2025-06-30') // <time datetime="2025-06-30">30/06/2025</time>
 */
export function dayTag(language: Language, date: string | null | undefined): SafeHtml | '–' {
  if (date === null || date === undefined || date === '') return '–';
  return html`<time datetime="${date}">${formatDate(language, date)}</time>`;
}

/** A month (YYYY-MM) as the reader's language writes it, in a `<time>`. @example monthTag('zh', '2025-06') // <time datetime="2025-06">2025年6月</time> */
export function monthTag(language: Language, month: string): SafeHtml {
  return html`<time datetime="${month}">${formatMonth(language, month)}</time>`;
}

/** An instant (ISO with offset) as the reader's language writes date and time in `timeZone`, in a `<time>`. */
export function instantTag(language: Language, instant: string, timeZone?: string): SafeHtml {
  return html`<time datetime="${instant}">${formatInstant(language, instant, timeZone)}</time>`;
}

/**
 * A report's period as the reader's language writes it, in a `<time>`: a day or a month; an ISO
 * week (2025-W26) stays as it is, the form both the practice and `<time>` know.
 *
 * @example periodTag('en', '2025-06') // <time datetime="2025-06">Jun 2025</time>
 */
export function periodTag(language: Language, period: string): SafeHtml {
  const text = /^\d{4}-\d{2}$/.test(period) ? formatMonth(language, period) : formatDate(language, period);
  return html`<time datetime="${period}">${text}</time>`;
}
