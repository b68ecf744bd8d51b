/**
 * A notebook is a Markdown file: prose passes through, and its fenced cells run in order.
 *
 * - ```params: one `name: default` per line; `--set name=value` overrides a default. SQL reads
 *   a parameter as getvariable('name'), TypeScript as nb.params.name.
 * - ```sql: run against the warehouse (read-only); its last statement's rows are shown below it.
 * - ```ts: the body of an async function of `nb` (notebooks/context.ts); what it passes to
 *   nb.table or nb.markdown is shown below it.
 *
 * Any other fence (```sh, ```text, …) is prose. Nothing imports notebooks.
 *
 * @example
 *   parseNotebook('# Title\n```sql\nselect 1 as one\n```\n')
 *   // [{ kind: 'prose', text: '# Title\n' }, { kind: 'sql', line: 2, source: 'select 1 as one', fence: '```sql\nselect 1 as one\n```\n' }]
 */
export type Cell =
  | { kind: 'prose'; text: string }
  | { kind: 'params' | 'sql' | 'ts'; line: number; source: string; fence: string };

const RUNNABLE = new Set(['params', 'sql', 'ts']);

export function parseNotebook(markdown: string): Cell[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const cells: Cell[] = [];
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length > 0) cells.push({ kind: 'prose', text: prose.join('\n') + '\n' });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = /^(`{3,}|~{3,})\s*([A-Za-z]*)\s*$/.exec(line);
    if (open === null) {
      prose.push(line);
      continue;
    }
    const marker = open[1]!;
    const close = lines.findIndex((candidate, j) => j > i && candidate.trimEnd() === marker);
    if (close < 0) throw new Error(`line ${i + 1}: the fence ${marker} is never closed`);
    const block = lines.slice(i, close + 1);
    const kind = open[2]!.toLowerCase();
    if (RUNNABLE.has(kind)) {
      flushProse();
      cells.push({ kind: kind as 'params' | 'sql' | 'ts', line: i + 1, source: block.slice(1, -1).join('\n'), fence: block.join('\n') + '\n' });
    } else {
      prose.push(...block);
    }
    i = close;
  }
  // a file ends with a newline, which split() turns into one empty last line
  if (prose.at(-1) === '') prose.pop();
  flushProse();
  return cells;
}

/** The defaults of a params cell: `name: value` per line, `#` starts a comment. */
export function parseParams(source: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const raw of source.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$/.exec(line);
    if (match === null) throw new Error(`a parameter is written "name: value", not "${line}"`);
    params[match[1]!] = match[2]!;
  }
  return params;
}
