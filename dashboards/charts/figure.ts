import * as Plot from '@observablehq/plot';
// linkedom's single-file build (the package's own, made for workers): the same code as its modules,
// loaded as one file instead of its many modules (0.13 CPU-s against 0.6 through tsx, in every process that publishes)
import { parseHTML } from 'linkedom/worker';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { formatNumber, t } from '../../pipeline/i18n.ts';
import { html, raw, table, type HtmlValue, type SafeHtml } from '../html.ts';

/** What every chart of the site shares: size, type and colours (colour-blind safe, Okabe–Ito). */
export const chartDefaults = {
  // drawn at a phone's scale: on a 390 px screen it shrinks by a third, not by half
  width: 520,
  height: 240,
  marginLeft: 48,
  // room for the last month's label, centred on the right edge
  marginRight: 28,
  // system fonts only (the site works offline); CJK glyphs fall back to Noto CJK or the OS's own
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  fontSize: 12,
  ink: '#1d2733',
  muted: '#5b6776',
  band: '#cfe3e5',
  limit: '#8a96a3',
  improvement: '#0072b2',
  concern: '#d55e00',
  neutral: '#7a4fa0',
  series: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#999999', '#f0e442', '#000000', '#882255'],
} as const;

/** A chart for the page: its title, what it shows in words, the drawing, and the numbers behind it. */
export interface FigureParts {
  title: string;
  /** The text alternative: what a reader who cannot see the drawing needs to know. */
  description: string;
  plot: Plot.PlotOptions;
  /** The table under the drawing: header and rows (text is escaped; numbers already formatted). */
  header: readonly HtmlValue[];
  rows: readonly (readonly HtmlValue[])[];
  /** Columns right-aligned as numbers. */
  numeric?: readonly number[];
  /** A key to the colours drawn in HTML above the drawing, for a scale Plot cannot draw a legend of without a browser (a continuous ramp). */
  legend?: SafeHtml;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * Renders a chart at build time, with Observable Plot into linkedom's document, as one `<figure>`:
 * a caption, the SVG (role img, aria-label the title, a `<title>` and a `<desc>` with the text
 * alternative) and, folded under it, a table of the numbers drawn. No script, no network.
 *
 * @example renderFigure({ title: 'Complaints', description: '…', plot: { marks: [Plot.lineY([1, 2])] }, header: ['x'], rows: [] }, 'en')
 */
export function renderFigure(parts: FigureParts, language: Language): SafeHtml {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const plotted = Plot.plot({
    width: chartDefaults.width,
    height: chartDefaults.height,
    marginLeft: chartDefaults.marginLeft,
    marginRight: chartDefaults.marginRight,
    style: { fontFamily: chartDefaults.fontFamily, fontSize: `${chartDefaults.fontSize}px`, color: chartDefaults.ink },
    ...parts.plot,
    ariaLabel: parts.title,
    ariaDescription: null,
    document: document as unknown as NonNullable<Plot.PlotOptions['document']>,
  });
  // with a legend Plot returns a figure holding swatches and the chart; the chart is its last svg
  const svgs = plotted.tagName.toLowerCase() === 'svg' ? [plotted] : [...plotted.querySelectorAll('svg')];
  const chart = svgs.at(-1);
  if (chart !== undefined) {
    chart.setAttribute('role', 'img');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = parts.title;
    const desc = document.createElementNS(SVG, 'desc');
    desc.textContent = parts.description;
    chart.insertBefore(desc, chart.firstChild);
    chart.insertBefore(title, desc);
  }
  // linkedom writes attribute values of an HTML document with only `"` escaped: a department name
  // with `&` or `<` in an aria-label would come out as markup, so they are escaped before writing
  // (only a value that holds one is set again: setting an attribute was a tenth of a page's rendering;
  // the elements are walked and their attributes named, since querySelectorAll('*') and `attributes`
  // build a list and a proxy for each, a third of the pass over the sample's 1,191 charts)
  const elements = document.createTreeWalker(plotted, 1 /* SHOW_ELEMENT */);
  for (let element: typeof plotted | null = plotted; element !== null; element = elements.nextNode() as typeof plotted | null) {
    for (const name of element.getAttributeNames()) {
      const attribute = element.getAttributeNode(name)!;
      if (/[&<>]/.test(attribute.value)) attribute.value = attribute.value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    }
  }
  const numbers = table(parts.header, parts.rows, { numeric: parts.numeric ?? [] });
  return html`<figure class="chart">
<figcaption>${parts.title}</figcaption>
${parts.legend ?? ''}${raw(plotted.outerHTML)}
<p class="meta">${parts.description}</p>
<details><summary>${t(language, 'chart.numbers')}</summary>${numbers}</details>
</figure>`;
}

/** A month `YYYY-MM` as the Date (UTC) of its first day, for a time axis. */
export function monthDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

/** A number as the reader writes it with exactly `digits` decimals (91.0, so a column lines up), or a dash. */
export function formatValue(language: Language, value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? '–' : formatNumber(language, value, digits);
}

/**
 * The months to label on an axis of `months` (YYYY-MM): every one up to `most` (eight: a whole
 * chart's width), else every 2nd, 3rd, 6th or 12th calendar month (January, April, …), so labels
 * never crowd at a phone's width.
 *
 * @example monthTicks(['2025-01', …, '2025-12']) // ['2025-01', '2025-03', '2025-05', '2025-07', '2025-09', '2025-11']
 */
export function monthTicks(months: readonly string[], most = 8): string[] {
  const unique = [...new Set(months)].sort();
  const step = [1, 2, 3, 6, 12].find((s) => unique.length / s <= most) ?? 12;
  return unique.filter((month) => (Number(month.slice(5, 7)) - 1) % step === 0);
}

/** A time axis of months: ISO labels (the same in every language) on `monthTicks`, at most `most` of them. */
export function monthAxis(months: readonly string[], most = 8): Plot.ScaleOptions {
  return { type: 'utc', tickFormat: '%Y-%m', ticks: monthTicks(months, most).map(monthDate), label: null };
}

/** Items as a list in the reader's language ("a, b and c", "a、b和c"), or "none". */
export function listText(language: Language, items: readonly string[]): string {
  if (items.length === 0) return t(language, 'chart.none');
  return new Intl.ListFormat(language === 'zh' ? 'zh-CN' : language, { type: 'conjunction' }).format(items);
}

/** Months to name in a sentence: all of up to three, else how many and the latest three. */
export function monthsText(language: Language, months: readonly string[]): string {
  const written = months.map((month) => formatMonth(language, month));
  if (written.length <= 3) return listText(language, written);
  return t(language, 'chart.monthsMore', { count: written.length, months: listText(language, written.slice(-3)) });
}

/** Tick labels in the reader's notation. */
export function numberAxis(language: Language, label: string | null, options: Plot.ScaleOptions = {}): Plot.ScaleOptions {
  return { label, tickFormat: (value: number) => formatNumber(language, value), grid: true, ...options };
}
