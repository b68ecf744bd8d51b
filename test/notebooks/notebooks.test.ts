import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../data/generator/generate.ts';
import { normalizeConfig } from '../../pipeline/config.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { run } from '../../pipeline/run.ts';
import { parseNotebook } from '../../notebooks/cells.ts';
import { main } from '../../notebooks/run.ts';
import { cellText, markdownTable } from '../../notebooks/table.ts';

const NOTEBOOKS = resolve(import.meta.dirname, '../../notebooks');

/**
 * A small generated sample (three hospitals, January to April 2025, a twentieth of the volume,
 * with the car-park problem planted from 10 March) and a hand-made clinic whose April is easy to
 * count: 3 complaints (2 cost, 1 attitude), none answered yet, and 1 in March.
 */
const HANDMADE = [
  'id,received_at,department,kind,category,channel,text',
  'nb-1,2025-03-20 09:00,Notebook Test Clinic,complaint,cost,email,charged for a scan twice',
  'nb-2,2025-04-08 09:00,Notebook Test Clinic,complaint,cost,email,billed twice for one scan',
  'nb-3,2025-04-15 10:00,Notebook Test Clinic,complaint,cost,website,the bill shows the scan twice',
  'nb-4,2025-04-22 11:00,Notebook Test Clinic,complaint,attitude,walk_in,the clerk at the desk was rude',
].join('\n');

let root = '';
let sample = '';
let db = '';
let out = '';
let code = -1;
let messages: string[] = [];
const rendered = (name: string) => readFileSync(join(out, name), 'utf8');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-notebooks-'));
  sample = join(root, 'sample');
  db = join(root, 'warehouse.duckdb');
  out = join(root, 'rendered');
  await generateSample({ out: sample, from: '2025-01-06', to: '2025-04-30', scale: 0.03, seed: 'hearken-sample-v1' });
  await mkdir(join(sample, 'handmade'));
  await writeFile(join(sample, 'handmade', 'clinic.csv'), `${HANDMADE}\n`);
  await run(normalizeConfig({ input: sample, db, out: join(root, 'site'), lang: 'en' }), silentProgress, new Date('2025-05-01T04:00:00Z'));
  messages = [];
  code = await main(
    ['--db', db, '--out', out, '--quick', '--set', 'month=2025-04', '--set', 'hospital=handmade', '--set', `input=${sample}`, '--set', 'from=2025-03-10', '--set', 'to=2025-03-31', '--set', 'evaluate_at=2025-04-28'],
    (text) => void messages.push(text),
  );
}, 600_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The rows of the first table after a heading, by column name. */
function tableAfter(markdown: string, heading: string): Record<string, string>[] {
  const from = markdown.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(from).split('\n');
  const start = lines.findIndex((line) => line.startsWith('| '));
  const table = lines.slice(start, lines.findIndex((line, i) => i > start && !line.startsWith('|')));
  const split = (line: string) => line.slice(2, -2).split(' | ');
  const columns = split(table[0]!);
  return table.slice(2).map((line) => Object.fromEntries(split(line).map((value, i) => [columns[i]!, value])));
}

describe('every notebook runs against a small warehouse', () => {
  it('renders each notebooks/*.md without a failing cell', () => {
    expect(messages.filter((m) => m.startsWith('notebooks:'))).toEqual([]);
    expect(code).toBe(0);
    const names = readdirSync(NOTEBOOKS).filter((file) => file.endsWith('.md'));
    expect(names).toEqual(expect.arrayContaining(['monthly-analysis.md', 'warehouse-tour.md', 'warning-thresholds.md']));
    for (const name of names) {
      expect(existsSync(join(out, name)), name).toBe(true);
      // every sql and ts cell of the notebook is followed by what it showed
      const cells = parseNotebook(readFileSync(join(NOTEBOOKS, name), 'utf8')).filter((cell) => cell.kind !== 'prose');
      const text = rendered(name);
      expect(text.split('\n')[0]).toMatch(/^> Rendered \S+ by `notebooks\/run\.ts` from the warehouse warehouse\.duckdb \(read-only; newest file loaded \d{4}-\d\d-\d\d \d\d:\d\d by run [0-9a-f-]{36}\)\.$/);
      for (const cell of cells) {
        const after = text.slice(text.indexOf(cell.fence) + cell.fence.length).trimStart();
        expect(after.startsWith('|') || after.startsWith('Detectors scored'), `${name}:${cell.line}`).toBe(true);
      }
    }
  });

  it('counts the hand-made clinic’s April in the monthly analysis', () => {
    const text = rendered('monthly-analysis.md');
    expect(tableAfter(text, '## The month')[0]).toMatchObject({ parameter: 'month', value: '2025-04' });
    // one hospital at a time: the clinic's own folder, never the sample's hospitals added in
    expect(tableAfter(text, '## The month')[1]).toMatchObject({ parameter: 'hospital', value: 'handmade' });
    const clinic = tableAfter(text, '## Complaints by department').find((row) => row.department === 'Notebook Test Clinic');
    // 3 complaints in April, 2 of them cost; none responded or resolved: 0%, 0%, and blank where nothing was resolved or answered
    expect(clinic).toEqual({
      department: 'Notebook Test Clinic', complaints: '3', leading_category: 'cost', response_rate: '0', resolution_rate: '0',
      within_sla_rate: '', satisfaction_rate: '', median_hours_to_resolve: '',
    });
  });

  it('lists the clinic among the names the reference table does not know', () => {
    const unknown = tableAfter(rendered('warehouse-tour.md'), '## Names the reference table does not know yet');
    expect(unknown.find((row) => row.department_raw === 'Notebook Test Clinic')).toMatchObject({ feedback_records: '4' });
  });

  it('compares the two quick settings over the same Mondays and cells', () => {
    const rows = tableAfter(rendered('warning-thresholds.md'), '## Warnings and recall');
    expect(rows.map((row) => row.setting)).toEqual(['defaults', 'hear of more']);
    for (const row of rows) {
      // four Mondays, 10 to 31 March; the car park's onset (10 March) is in the weeks judged
      expect(row).toMatchObject({ mondays: '4', planted_in_range: '1' });
      const expected = Math.round((10000 * Number(row.warnings)) / (Number(row.cells) * 4)) / 100;
      expect(Number(row.warnings_per_100_cell_weeks)).toBe(expected);
    }
    expect(Number(rows[1]!.warnings)).toBeGreaterThanOrEqual(Number(rows[0]!.warnings));
  });
});

describe('the runner', () => {
  it('stops at a failing cell with its line and a one-line cause, exit 1', async () => {
    const notebook = join(root, 'broken.md');
    await writeFile(notebook, '# Broken\n\n```sql\nselect 1 as one\n```\n\n```sql\nselect * from no_such_table\n```\n');
    const lines: string[] = [];
    expect(await main([notebook, '--db', db, '--out', join(root, 'broken')], (text) => void lines.push(text))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^notebooks: .*broken\.md:7: sql cell failed: Catalog Error: Table with name no_such_table does not exist!.*\n$/);
    expect(existsSync(join(root, 'broken', 'broken.md'))).toBe(false);
  });

  it('refuses unredacted text', async () => {
    const notebook = join(root, 'raw.md');
    await writeFile(notebook, '```sql\nselect text_raw from fct_feedback\n```\n\n```ts\nawait nb.query("select * from main.feedback_records")\n```\n');
    const lines: string[] = [];
    expect(await main([notebook, '--db', db, '--out', join(root, 'raw')], (text) => void lines.push(text))).toBe(1);
    expect(lines.join('')).toContain('raw.md:1: sql cell failed: text_raw holds unredacted data');
    await writeFile(notebook, '```ts\nawait nb.query("select survey_responses from main.feedback_records")\n```\n');
    lines.length = 0;
    expect(await main([notebook, '--db', db, '--out', join(root, 'raw')], (text) => void lines.push(text))).toBe(1);
    expect(lines.join('')).toContain('raw.md:1: ts cell failed: feedback_records holds unredacted data');
  });

  it('shows counts and decimals as numbers, text as written, with --set reaching a notebook without params', async () => {
    const notebook = join(root, 'values.md');
    await writeFile(notebook, "```sql\nselect count(*) as n, 1.50::decimal(5, 2) as d, '00123' as id, getvariable('y') as y, null as z from range(3)\n```\n");
    expect(await main([notebook, '--db', db, '--out', join(root, 'values'), '--set', 'y=a|b'], () => undefined)).toBe(0);
    expect(readFileSync(join(root, 'values', 'values.md'), 'utf8')).toContain('| n | d | id | y | z |\n| --- | --- | --- | --- | --- |\n| 3 | 1.5 | 00123 | a\\|b |  |\n');
  });

  it('runs a ts cell as it is written now, not as an earlier run of the same file and line imported it', async () => {
    const notebook = join(root, 'edited.md');
    for (const word of ['first', 'second']) {
      await writeFile(notebook, `\`\`\`ts\nnb.table([{ word: '${word}', rows: (await nb.query('select count(*) as n from fct_feedback'))[0]?.n ?? null }]);\n\`\`\`\n`);
      expect(await main([notebook, '--db', db, '--out', join(root, 'edited')], () => undefined)).toBe(0);
      expect(readFileSync(join(root, 'edited', 'edited.md'), 'utf8')).toMatch(new RegExp(`\\| ${word} \\| \\d+ \\|`));
    }
    expect(readdirSync(root).filter((file) => file.startsWith('.cell-'))).toEqual([]);
  });

  it('exits 2 without a warehouse', async () => {
    const lines: string[] = [];
    expect(await main(['--db', join(root, 'none.duckdb'), '--out', join(root, 'none')], (text) => void lines.push(text))).toBe(2);
    expect(lines.join('')).toMatch(/^notebooks: no warehouse at .*none\.duckdb: run hearken first or pass --db FILE\n$/);
  });
});

describe('the notebook format', () => {
  it('splits prose from cells, keeping each cell’s line; other fences stay prose', () => {
    const cells = parseNotebook('# T\n\n```sh\nnpm run notebooks\n```\n\n```params\nmonth: latest\n```\n```sql\nselect 1\n```\ntail\n');
    expect(cells).toEqual([
      { kind: 'prose', text: '# T\n\n```sh\nnpm run notebooks\n```\n\n' },
      { kind: 'params', line: 7, source: 'month: latest', fence: '```params\nmonth: latest\n```\n' },
      { kind: 'sql', line: 10, source: 'select 1', fence: '```sql\nselect 1\n```\n' },
      { kind: 'prose', text: 'tail\n' },
    ]);
    expect(() => parseNotebook('```sql\nselect 1\n')).toThrow('line 1: the fence ``` is never closed');
  });

  it('escapes every table cell', () => {
    expect(cellText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(cellText('a|b\nc')).toBe('a\\|b c');
    expect(cellText('[x](javascript:y) `z` *w*')).toBe('\\[x\\](javascript:y) \\`z\\` \\*w\\*');
    expect(cellText(null)).toBe('');
    expect(cellText(['a', 'b'])).toBe('\\["a","b"\\]');
    expect(markdownTable(['a', 'b'], [{ a: 1, b: 'x|y' }])).toBe('| a | b |\n| --- | --- |\n| 1 | x\\|y |\n');
    expect(markdownTable(['a'], [{ a: 1 }, { a: 2 }, { a: 3 }], 2)).toBe('| a |\n| --- |\n| 1 |\n| 2 |\n\n*1 more rows not shown (3 in all).*\n');
  });
});
