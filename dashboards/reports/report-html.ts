import { escapeHtml } from '../html.ts';
import type { ReportBlock, ReportDocument } from './document.ts';

/**
 * A report as one HTML page that prints on A4 (no table wider than the page: long cells wrap) and
 * reads on a phone; offline, every text escaped.
 */
export function renderReportHtml(document: ReportDocument): string {
  const sections = document.sections
    .map((section) => `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${section.blocks.map(block).join('\n')}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(document.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(document.title)}</h1>
${document.meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`).join('\n')}
${sections}
</main>
</body>
</html>
`;
}

function block(item: ReportBlock): string {
  if (item.kind === 'paragraph') return `<p>${escapeHtml(item.text)}</p>`;
  if (item.kind === 'placeholder') return `<p class="placeholder">${escapeHtml(item.text)}</p>`;
  const classes = (index: number) => [item.numeric.includes(index) ? 'num' : '', item.unbroken.includes(index) ? 'whole' : ''].filter(Boolean).join(' ');
  const cell = (tag: string, value: string, index: number) => `<${tag}${classes(index) === '' ? '' : ` class="${classes(index)}"`}>${escapeHtml(value)}</${tag}>`;
  const line = (tag: string, cells: string[]) => `<tr>${cells.map((value, index) => cell(tag, value, index)).join('')}</tr>`;
  return `<table><thead>${line('th', item.header)}</thead><tbody>${item.rows.map((row) => line('td', row)).join('\n')}</tbody></table>`;
}

// tables take the page's width and wrap their cells, so nothing overflows A4 or a phone; headings
// break Chinese between words as they do other languages (keep-all: at spaces and punctuation, not
// inside 2026年11月9日), a word longer than the line still breaking
const STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6776; --line: #d9dee5; --accent: #0b6e75; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 900px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: .5rem 0; } h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; border-bottom: 2px solid var(--accent); }
p.meta { color: var(--muted); margin: 0 0 .25rem; font-size: .9rem; }
p.placeholder { border: 1px dashed var(--muted); padding: .4rem .6rem; color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; table-layout: auto; font-size: .9rem; margin: .4rem 0 .8rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } td.num { white-space: nowrap; }
td.whole { white-space: nowrap; overflow-wrap: normal; }
h1, h2 { word-break: keep-all; overflow-wrap: anywhere; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 10pt; } main { max-width: none; padding: 0; }
  table { font-size: 9pt; page-break-inside: auto; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
  h2 { page-break-after: avoid; }
}
`;
