/**
 * A query's rows as a Markdown table. Every cell is escaped: the values are the warehouse's (a
 * department name, a redacted quote), so none may close the table, start HTML or run as a link.
 */
export const TABLE_DEFAULTS = { maxRows: 60 } as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r\n': ' ', '\r': ' ', '\n': ' ' };

/** One value as table text: null blank, lists and structs as JSON, Markdown and HTML characters escaped. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/\r\n|[&<>|\\`*[\]\r\n]/g, (ch) => ESCAPES[ch] ?? `\\${ch}`);
}

/**
 * @example
 *   markdownTable(['a', 'b'], [{ a: 1, b: 'x|y' }])
 *   // '| a | b |\n| --- | --- |\n| 1 | x\\|y |\n'
 */
export function markdownTable(columns: readonly string[], rows: readonly Record<string, unknown>[], maxRows: number = TABLE_DEFAULTS.maxRows): string {
  if (columns.length === 0) return '';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const shown = rows.slice(0, maxRows).map((row) => line(columns.map((column) => cellText(row[column]))));
  const more = rows.length > maxRows ? `\n*${rows.length - maxRows} more rows not shown (${rows.length} in all).*\n` : '';
  const empty = rows.length === 0 ? '\n*No rows.*\n' : '';
  return [line(columns.map(cellText)), line(columns.map(() => '---')), ...shown].join('\n') + '\n' + more + empty;
}
