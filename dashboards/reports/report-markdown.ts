import type { ReportBlock, ReportDocument } from './document.ts';

/**
 * Text for a Markdown table cell or inside a line: one line, and every character Markdown could
 * read as inline markup (emphasis, links, code, HTML, entities, a cell border) escaped with a
 * backslash, so a record's text shows as written; dates and numbers stay as they are, so the text
 * still reads plainly where a message shows Markdown unrendered.
 *
 * @example markdownInline('a|b *c* <x>') // 'a\\|b \\*c\\* \\<x\\>'
 */
export function markdownInline(value: string): string {
  return value
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}

/**
 * Text for a whole Markdown line (a paragraph, a heading's text): markdownInline, and a start
 * that would make a heading, a list or a quote escaped too.
 *
 * @example markdownLine('1. - x') // '1\\. - x'
 */
export function markdownLine(value: string): string {
  return markdownInline(value)
    .replace(/^[#+=-]/, (character) => `\\${character}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A report as Markdown that pastes into a message or a document: headings, short paragraphs, small tables. */
export function renderReportMarkdown(document: ReportDocument): string {
  const lines = [`# ${markdownLine(document.title)}`, '', ...document.meta.flatMap((line) => [markdownLine(line), ''])];
  for (const section of document.sections) {
    lines.push(`## ${markdownLine(section.heading)}`, '');
    for (const item of section.blocks) lines.push(...block(item), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function block(item: ReportBlock): string[] {
  if (item.kind === 'paragraph') return [markdownLine(item.text)];
  if (item.kind === 'placeholder') return [`> ${markdownLine(item.text)}`];
  const row = (cells: string[]) => `| ${cells.map((cell) => markdownInline(cell) || ' ').join(' | ')} |`;
  const rule = `|${item.header.map((_, index) => (item.numeric.includes(index) ? '---:' : '---')).join('|')}|`;
  return [row(item.header), rule, ...item.rows.map(row)];
}
