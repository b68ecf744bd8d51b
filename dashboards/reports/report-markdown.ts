import type { ReportBlock, ReportDocument } from './document.ts';

/**
 * Text for a Markdown line or table cell: one line, and every character Markdown could read as
 * inline markup (emphasis, links, code, HTML, entities, a cell border) escaped with a backslash,
 * as is a start that would make a heading, a list or a quote; dates and numbers stay as they are,
 * so the text still reads plainly where a message shows Markdown unrendered.
 *
 * @example markdownText('- a|b *c* <x>') // '\\- a\\|b \\*c\\* \\<x\\>'
 */
export function markdownText(value: string): string {
  return value
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`)
    .replace(/^[#+=>-]/, (character) => `\\${character}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A report as Markdown that pastes into a message or a document: headings, short paragraphs, small tables. */
export function renderReportMarkdown(document: ReportDocument): string {
  const lines = [`# ${markdownText(document.title)}`, '', ...document.meta.flatMap((line) => [markdownText(line), ''])];
  for (const section of document.sections) {
    lines.push(`## ${markdownText(section.heading)}`, '');
    for (const item of section.blocks) lines.push(...block(item), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function block(item: ReportBlock): string[] {
  if (item.kind === 'paragraph') return [markdownText(item.text)];
  if (item.kind === 'placeholder') return [`> ${markdownText(item.text)}`];
  const row = (cells: string[]) => `| ${cells.map((cell) => markdownText(cell) || ' ').join(' | ')} |`;
  const rule = `|${item.header.map((_, index) => (item.numeric.includes(index) ? '---:' : '---')).join('|')}|`;
  return [row(item.header), rule, ...item.rows.map(row)];
}
