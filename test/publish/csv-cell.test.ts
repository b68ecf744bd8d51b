import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel } from '../../pipeline/db.ts';
import { runDetect } from '../../pipeline/detect/command.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { csvCell, neutralizeFormula, quoteCsvField } from '../../pipeline/publish/csv-cell.ts';
import { csvExportSelect, exportTable } from '../../pipeline/publish/publish.ts';
import { parseCsv } from '../sample/read.ts';

/** What a spreadsheet would run as a formula at the start of a cell (OWASP), with the full-width forms. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** Text a hostile or careless export holds: often a formula start, then anything (no NUL: DuckDB text has none). */
const hostileText = fc
  .tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', ' =', "'"), fc.string({ unit: 'grapheme', maxLength: 24 }))
  .map(([start, rest]) => `${start}${rest}`.replaceAll('\u0000', ''));

let root: string;
let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hearken-csv-'));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await runModel(connection, 'macros/csv_safe_text');
});
afterAll(async () => {
  connection.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

describe('the CSV cell rule, by hand', () => {
  it('puts an apostrophe before a formula start in text, and leaves numbers and other text alone', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutralizeFormula('+84 90 123')).toBe("'+84 90 123");
    expect(neutralizeFormula('-2 sao')).toBe("'-2 sao");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('＝1+1')).toBe("'＝1+1");
    expect(neutralizeFormula('急诊科 = 慢')).toBe('急诊科 = 慢');
    expect(neutralizeFormula(' =1')).toBe(' =1');
    expect(neutralizeFormula('')).toBe('');
    expect(csvCell('-1, awful')).toBe(`"'-1, awful"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes a field only for a comma, quote or line break, and never adds the formula apostrophe', () => {
    expect(quoteCsvField('a, b')).toBe('"a, b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(quoteCsvField('=1+1')).toBe('=1+1');
    expect(quoteCsvField('-2 sao')).toBe('-2 sao');
    expect(quoteCsvField('急诊科 慢')).toBe('急诊科 慢');
    expect(quoteCsvField('')).toBe('');
  });

  it('wraps text columns and lists of text, and no other column', () => {
    expect(
      csvExportSelect('mart "x"', [
        { name: 'department', type: 'VARCHAR' },
        { name: 'quotes', type: 'VARCHAR[]' },
        { name: 'n', type: 'INTEGER' },
        { name: 'rate', type: 'DOUBLE' },
        { name: 'month_start', type: 'DATE' },
      ]),
    ).toBe('select csv_safe_text("department") as "department", list_transform("quotes", value -> csv_safe_text(value)) as "quotes", "n", "rate", "month_start" from "mart ""x"""');
  });
});

describe('the CSV cell rule, generated', () => {
  it('a row of quoted fields reads back as the same texts', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', '=', '-', '急', 'ệ'), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(field, { minLength: 2, maxLength: 5 }), (fields) => {
        expect(parseCsv(`${Object.freeze(fields).map(quoteCsvField).join(',')}\n`)).toEqual([fields]);
      }),
    );
  });

  it('the SQL macro and the TypeScript function agree on every text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const [row] = await queryRows<{ safe: string }>(connection, 'select csv_safe_text($text) as safe', { text });
        expect(row!.safe).toBe(neutralizeFormula(text));
        expect(row!.safe).not.toMatch(FORMULA_START);
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it('a real export: no text cell starts like a formula, numbers (negative ones too) stay numbers, Parquet keeps the true values', async () => {
    // -0 is read back as 0: the sign of zero is no concern of this rule
    const number = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0);
    const row = fc.tuple(hostileText, fc.integer({ min: -1000, max: 1000 }), number, fc.array(hostileText, { maxLength: 3 }));
    const rows = fc.sample(row, { numRuns: 150, seed: 11 });
    await connection.run("create or replace table hostile (hospital varchar default 'east', row_id integer, label varchar, n integer, x double, quotes varchar[])");
    for (const [i, [label, n, x, quotes]] of rows.entries()) {
      await connection.run(`insert into hostile (row_id, label, n, x, quotes) values ($i, $label, $n, $x, from_json($quotes, '["VARCHAR"]'))`, { i, label, n, x, quotes: JSON.stringify(quotes) });
    }
    // every row keeps its hospital and names its run
    await connection.run("set variable run_id = 'run-7'");
    await exportTable(connection, 'hostile', root, 'hostile');
    const csv = await queryRows<{ hospital: string; row_id: string; label: string | null; n: string; x: string; quotes: string; run_id: string }>(
      connection,
      `select * from read_csv('${join(root, 'hostile.csv')}', header = true, all_varchar = true, quote = '"', escape = '"', strict_mode = false)`,
    );
    expect(csv).toHaveLength(rows.length);
    expect(new Set(csv.map((cell) => `${cell.hospital} ${cell.run_id}`))).toEqual(new Set(['east run-7']));
    for (const cell of csv) {
      const [label, n, x] = rows[Number(cell.row_id)]!;
      expect(cell.label ?? '').toBe(neutralizeFormula(label));
      expect(cell.label ?? '').not.toMatch(FORMULA_START);
      expect(cell.quotes).toMatch(/^\[/);
      expect(Number(cell.n)).toBe(n);
      expect(Number(cell.x)).toBe(x);
    }
    const parquet = await queryRows<{ row_id: number; label: string; n: number; x: number; quotes: string[] }>(
      connection,
      `select row_id, label, n, x, quotes from read_parquet('${join(root, 'hostile.parquet')}') order by row_id`,
    );
    expect(parquet.map((row) => [row.label, row.n, row.x, [...row.quotes]])).toEqual(rows.map(([label, n, x, quotes]) => [label, n, x, quotes]));
  });

  it('the detect CSV: series names are neutralised, counts and bounds stay numbers', async () => {
    const names = [...new Set(fc.sample(hostileText.filter((name) => name.trim() !== '' && !/[\r\n]/.test(name)), { numRuns: 40, seed: 12 }))];
    const input = join(root, 'counts.csv');
    const out = join(root, 'alarms.csv');
    // the input holds the names as written: quote them without the rule
    const quoted = (name: string) => (/[",]/.test(name) ? `"${name.replaceAll('"', '""')}"` : name);
    await writeFile(input, ['series,period,count', ...names.flatMap((name) => Array.from({ length: 8 }, (_, week) => `${quoted(name)},${week - 3},${(week * 7) % 5}`))].join('\n'));
    await runDetect({ input, out, method: 'ears_c1', language: 'en' }, silentProgress);
    const written = await queryRows<{ series: string; period: string; count: string; expected: string | null }>(
      connection,
      `select series, period, count, expected from read_csv('${out}', header = true, all_varchar = true, quote = '"', escape = '"')`,
    );
    expect(new Set(written.map((row) => row.series))).toEqual(new Set(names.map(neutralizeFormula)));
    for (const row of written) {
      expect(row.series).not.toMatch(FORMULA_START);
      expect(Number.isInteger(Number(row.period))).toBe(true);
      expect(Number.isFinite(Number(row.count))).toBe(true);
    }
    expect(written.some((row) => row.period.startsWith('-'))).toBe(true);
  });
});
