import type { Language } from '../pipeline/config.ts';

/** Escapes text for HTML element content and attribute values: every published string goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A fragment of HTML that is already safe: built by `html`, or vouched for with `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/**
 * Vouches for a fragment built elsewhere that is already safe HTML, such as an SVG drawn by
 * Observable Plot (which escapes its own text): the one way past `html`'s escaping.
 *
 * @example html`<div>${raw(svg)}</div>`
 */
export function raw(fragment: string): SafeHtml {
  return new SafeHtml(fragment);
}

/** What `html` may interpolate: text and numbers are escaped; null, undefined and false are nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function interpolate(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * The tagged template every page is written with: each interpolated value is escaped unless it
 * is a SafeHtml (another `html` fragment, or `raw`), and arrays are joined, so a page cannot
 * forget to escape a department name or a patient's text.
 *
 * @example html`<p>${'<b>'}</p>` // <p>&lt;b&gt;</p>
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += interpolate(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * A message's template (`t(language, key)` with no values leaves its {name} placeholders) with
 * each placeholder filled by an `html` value: the template's own text is escaped like any other,
 * and a fragment such as a `<time>` element stays markup. A placeholder not given is left as written.
 *
 * @example fill('Built {when}.', { when: html`<time datetime="2025-06-30">30 Jun 2025</time>` })
 */
export function fill(template: string, values: Readonly<Record<string, HtmlValue>>): SafeHtml {
  const parts = template.split(/\{(\w+)\}/);
  return html`${parts.map((part, i) => (i % 2 === 0 ? part : part in values ? (values[part] ?? '') : `{${part}}`))}`;
}

/** Each language's name in itself, for the links between a page's languages. */
const AUTONYMS: Record<Language, string> = { zh: '中文', vi: 'Tiếng Việt', en: 'English' };

/**
 * Where a page sits in the published site, besides its own words: the same page in every language
 * (its own included), the way back to the site's root folder (where data/, reports/ and assets/ are
 * published once for every language), and the script of its filterable tables' data, if it has any.
 */
export interface PageFrame {
  languages: readonly { lang: Language; href: string }[];
  /** From this page to the site's root folder: '', '../', '../../' … */
  root: string;
  /** From this page to the script that carries its tables' data (Arrow IPC); none when nothing on it filters. */
  tables?: string;
  /**
   * Each department's name in the page's language, by the name its data (and its tables' data,
   * the same in every language) hold it under; only where the two differ. A filter of departments
   * lists them by these (filterAttributes).
   */
  departments?: Readonly<Record<string, string>>;
}

/**
 * The links to the page's other languages, each marked with the language it leads to (hreflang)
 * and written in it (lang); the page's own language is named, not linked.
 */
function languageLinks(frame: PageFrame, lang: string): SafeHtml {
  const links = frame.languages.map(({ lang: other, href }, i) =>
    html`${i > 0 ? ' · ' : ''}${other === lang ? html`<strong lang="${other}" aria-current="page">${AUTONYMS[other]}</strong>` : html`<a href="${href}" hreflang="${other}" lang="${other}">${AUTONYMS[other]}</a>`}`,
  );
  return html`<nav class="languages" aria-label="Language · 语言 · Ngôn ngữ">${links}</nav>\n`;
}

/**
 * The scripts that make a page's tables filterable, all shipped in the site (no network): the
 * apache-arrow browser build, the page's data, and the script that reads one with the other.
 * With scripts off, the tables show every row as published.
 */
function tableScripts(frame: PageFrame): SafeHtml | '' {
  if (frame.tables === undefined) return '';
  return html`<script src="${frame.root}assets/apache-arrow.js"></script>
<script src="${frame.tables}"></script>
<script src="${frame.root}assets/tables.js"></script>
`;
}

/**
 * A whole page: offline (no external asset), phone-friendly, in the reader's language; with a
 * frame, it links to the same page in the other languages and loads its tables' scripts.
 */
export function page(options: { lang: string; title: string; body: SafeHtml; frame?: PageFrame }): string {
  const { frame } = options;
  const alternates = (frame?.languages ?? []).filter(({ lang }) => lang !== options.lang).map(({ lang, href }) => html`<link rel="alternate" hreflang="${lang}" href="${href}">\n`);
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
${alternates}<style>${raw(STYLE)}</style>
</head>
<body>
<main>
${frame === undefined ? '' : languageLinks(frame, options.lang)}${options.body}
</main>
${frame === undefined ? '' : tableScripts(frame)}</body>
</html>
`.value;
}

/**
 * A table from a header row and body rows of cells (text is escaped, `html` fragments are kept);
 * numbers are right-aligned in the columns from `numericFrom` on, or in the `numeric` columns. It
 * scrolls sideways inside its own box, so a wide table never widens a phone's page; with `stack`
 * (plain-text headers, or `labels` for those in markup), on a narrow screen each row becomes a card
 * of "header: value" lines instead.
 */
export function table(
  header: readonly HtmlValue[],
  rows: readonly (readonly HtmlValue[])[],
  options: {
    numericFrom?: number;
    numeric?: readonly number[];
    /** Columns of running text (what happened, what a patient wrote): as a card on a narrow screen, under their label and left-aligned, not squeezed beside it. */
    prose?: readonly number[];
    footer?: readonly HtmlValue[];
    stack?: boolean;
    /** The cards' labels in plain text, where a header is markup (a line break, an interval's note, a date). */
    labels?: readonly string[];
    /** Attributes of the <table> element (a filterable table's, see filter-table.ts). */
    attributes?: SafeHtml;
    /** Each body row's number in its table's data, as data-row: what the page's filters show or hide. */
    rowKeys?: readonly number[];
  } = {},
): SafeHtml {
  const from = options.numericFrom ?? Number.POSITIVE_INFINITY;
  const isNumeric = (index: number) => index >= from || (options.numeric?.includes(index) ?? false);
  const label = (index: number) => {
    const text = options.labels?.[index] ?? header[index];
    return options.stack === true && typeof text === 'string' ? html` data-label="${text}"` : '';
  };
  const classes = (index: number) => raw(isNumeric(index) ? ' class="num"' : (options.prose?.includes(index) ?? false) ? ' class="prose"' : '');
  const line = (tag: 'th' | 'td', cells: readonly HtmlValue[], labelled: boolean, key?: number) =>
    html`<tr${key === undefined ? '' : html` data-row="${key}"`}>${cells.map((value, index) =>
      tag === 'th' ? html`<th${classes(index)}${labelled ? label(index) : ''}>${value}</th>` : html`<td${classes(index)}${label(index)}>${value}</td>`,
    )}</tr>`;
  const footer = options.footer ? html`<tfoot>${line('th', options.footer, true)}</tfoot>` : '';
  const body = rows.map((r, i) => html`${i > 0 ? '\n' : ''}${line('td', r, true, options.rowKeys?.[i])}`);
  return html`<div class="scroll"><table${raw(options.stack === true ? ' class="stack"' : '')}${options.attributes ?? ''}><thead>${line('th', header, false)}</thead><tbody>${body}</tbody>${footer}</table></div>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6776; --line: #d9dee5; --accent: #0b6e75; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif; color: var(--ink); background: #f7f8fa; }
main { max-width: 1320px; margin: 0 auto; padding: 1rem; }
main > p, main > ul { max-width: 95ch; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid var(--accent); }
p.meta { color: var(--muted); margin-top: 0; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #eef1f4; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th { background: #e3e8ed; }
.status-rejected { color: #a1260d; font-weight: 600; } .error { color: #a1260d; font-size: .85rem; }
a { color: var(--accent); }
nav.languages { text-align: right; font-size: .9rem; margin: 0 0 .25rem; }
nav.languages a, nav.languages strong { display: inline-block; padding: .2rem .1rem; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: .4rem .8rem; align-items: end; margin: .5rem 0; font-size: .9rem; }
.filters label { display: flex; flex-direction: column; color: var(--muted); min-width: 0; }
.filters select { font: inherit; padding: .25rem; width: 100%; }
.filters output { color: var(--muted); grid-column: 1 / -1; }
td time { white-space: nowrap; }
th[data-sort] { cursor: pointer; } th[aria-sort="ascending"]::after { content: " ▲"; } th[aria-sort="descending"]::after { content: " ▼"; }
figure.chart { margin: 1rem 0; padding: .5rem; background: #fff; border: 1px solid var(--line); }
figure.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart p.meta { font-size: .85rem; margin: .25rem 0; }
figure.chart details { margin-top: .25rem; font-size: .9rem; } figure.chart summary { cursor: pointer; color: var(--accent); }
ul.legend { display: flex; flex-wrap: wrap; gap: .2rem .9rem; list-style: none; margin: .25rem 0; padding: 0; font-size: .85rem; color: var(--muted); }
ul.legend li { display: flex; align-items: center; gap: .3rem; } ul.legend .swatch { display: inline-block; width: 1.1em; height: 1.1em; flex: none; border: 1px solid var(--line); }
@media (max-width: 600px) {
  th { white-space: nowrap; }
  table.stack thead { display: none; }
  table.stack tr { display: block; border-bottom: 1px solid var(--line); padding: .25rem 0; }
  table.stack td, table.stack tfoot th { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .15rem .6rem; text-align: right; white-space: normal; }
  table.stack td::before, table.stack tfoot th::before { content: attr(data-label); color: var(--muted); text-align: left; }
  table.stack td:first-child { font-weight: 600; text-align: left; overflow-wrap: anywhere; }
  table.stack td:first-child::before { content: none; }
  table.stack td:empty, table.stack tfoot th:empty { display: none; }
  table.stack td.prose { display: block; text-align: left; }
  table.stack td.prose::before { display: block; }
}
@media print { nav.languages, .filters { display: none; } figure.chart { break-inside: avoid; } figure.chart p.meta { font-size: .85rem; margin: .25rem 0; }
figure.chart details { display: none; } }
`;
