/** Escapes text for HTML element content and attribute values: every published string goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A whole page: offline (no external asset), phone-friendly, in the reader's language. */
export function page(options: { lang: string; title: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}

/**
 * A table from a header row and body rows of already-escaped cells; numbers are right-aligned in
 * the columns from `numericFrom` on, or in the `numeric` columns.
 */
export function table(header: string[], rows: string[][], options: { numericFrom?: number; numeric?: readonly number[]; footer?: string[] } = {}): string {
  const from = options.numericFrom ?? Number.POSITIVE_INFINITY;
  const isNumeric = (index: number) => index >= from || (options.numeric?.includes(index) ?? false);
  const cell = (tag: string, value: string, index: number) => `<${tag}${isNumeric(index) ? ' class="num"' : ''}>${value}</${tag}>`;
  const line = (tag: string, cells: string[]) => `<tr>${cells.map((value, index) => cell(tag, value, index)).join('')}</tr>`;
  const footer = options.footer ? `<tfoot>${line('th', options.footer)}</tfoot>` : '';
  return `<div class="scroll"><table><thead>${line('th', header)}</thead><tbody>${rows.map((r) => line('td', r)).join('\n')}</tbody>${footer}</table></div>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2733; --muted: #5b6776; --line: #d9dee5; --accent: #0b6e75; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif; color: var(--ink); background: #f7f8fa; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 2px solid var(--accent); }
p.meta { color: var(--muted); margin-top: 0; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #eef1f4; white-space: nowrap; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th { background: #e3e8ed; }
.status-rejected { color: #a1260d; font-weight: 600; } .error { color: #a1260d; font-size: .85rem; }
a { color: var(--accent); }
`;
