import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileReport } from '../../pipeline/ingest/ingest.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Survey numbers of any magnitude or form, in every format, never stop a run: each row is loaded
 * or quarantined with the reason of its column. The oracle is the contract (section 1.2): a `q_`
 * answer and `overall` are whole numbers 1..5, `recommend` a whole number 0..10.
 */
const RANGES = { q_a1: [1, 5], overall: [1, 5], recommend: [0, 10] } as const;
type NumberColumn = keyof typeof RANGES;
const REASONS: Record<NumberColumn, string> = {
  q_a1: 'answer is not a whole number from 1 to 5',
  overall: 'overall is not a whole number from 1 to 5',
  recommend: 'recommend is not a whole number from 0 to 10',
};
const COLUMNS = Object.keys(RANGES) as NumberColumn[];
const VALID: Record<NumberColumn, string> = { q_a1: '4', overall: '4', recommend: '9' };

function isValid(column: NumberColumn, value: number): boolean {
  const [low, high] = RANGES[column];
  return Number.isInteger(value) && value >= low && value <= high;
}

/** One survey row per (value, column): the value in that column, valid numbers in the others. */
function surveyRows(values: readonly string[]): { id: string; column: NumberColumn; value: string; cells: Record<string, string> }[] {
  return values.flatMap((value, v) =>
    COLUMNS.map((column) => ({ id: `R${v}-${column}`, column, value, cells: { ...VALID, [column]: value } })),
  );
}

/** What the summary must say of rows whose values the oracle judges by `numberOf`. */
function expectedReport(rows: ReturnType<typeof surveyRows>, numberOf: (text: string) => number): Pick<FileReport, 'rows_read' | 'loaded' | 'quarantined' | 'quarantine_reasons'> {
  const reasons: Record<string, number> = {};
  let loaded = 0;
  for (const row of rows) {
    if (isValid(row.column, numberOf(row.value))) loaded++;
    else reasons[REASONS[row.column]] = (reasons[REASONS[row.column]] ?? 0) + 1;
  }
  return { rows_read: rows.length, loaded, quarantined: rows.length - loaded, quarantine_reasons: reasons };
}

const HEADER = ['response_id', 'submitted_at', 'department', ...COLUMNS];
const csvOf = (rows: ReturnType<typeof surveyRows>) =>
  [HEADER.join(','), ...rows.map((row) => [row.id, '2025-03-03', '急诊科', ...COLUMNS.map((c) => `"${row.cells[c]}"`)].join(','))].join('\n') + '\n';

/** A number as people and programs write it, whole or not, in range or far out of it. */
const numbers = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: 11 }),
  fc.constantFrom(128, 255, 256, -128, -129, 32768, 2 ** 53, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, -0, 3.5, 4.000000000000001),
);

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

describe('no survey number stops a run', () => {
  it('loads or quarantines generated numbers from CSV text and JSON numbers alike, and runs again', async () => {
    // four generated files, each in a hospital's folder of its own, so that one run (and one run
    // again) judges them all: a hospital's rows are its own, whatever ids the others use
    const cases = fc.sample(fc.array(numbers, { minLength: 1, maxLength: 8 }), { numRuns: 4, seed: 10 }).map((generated, c) => {
      const rows = surveyRows(generated.map((n) => String(n)));
      return { hospital: `h${c}`, rows, expected: expectedReport(rows, Number) };
    });
    // JSON Lines carry the numbers typed; JSON has no NaN or Infinity, so those go as text
    const jsonValue = (text: string) => (Number.isFinite(Number(text)) ? Number(text) : text);
    for (const { hospital, rows } of cases) {
      await ws.write(`${hospital}/survey.csv`, csvOf(rows));
      await ws.write(
        `${hospital}/survey.jsonl`,
        rows.map((row) => JSON.stringify({ response_id: row.id, submitted_at: '2025-03-03', department: '急诊科', ...Object.fromEntries(COLUMNS.map((c) => [c, jsonValue(row.cells[c]!)])) })).join('\n') + '\n',
      );
    }
    const { summary } = await ws.run();
    for (const { hospital, rows, expected } of cases) {
      for (const path of [`${hospital}/survey.csv`, `${hospital}/survey.jsonl`]) {
        expect(summary.files.find((file) => file.path === path), `${path}: ${rows.map((row) => row.value).join(' ')}`).toMatchObject({ status: 'loaded', duplicates: 0, ...expected });
      }
    }
    // the loaded answers are the numbers written, as small integers
    const stored = await ws.query<{ hospital: string; n: number }>('select hospital, count(*)::integer as n from survey_answers where score between 1 and 5 group by hospital');
    expect(Object.fromEntries(stored.map((row) => [row.hospital, row.n]))).toEqual(
      Object.fromEntries(cases.filter((c) => c.expected.loaded > 0).map((c) => [c.hospital, 2 * c.expected.loaded])),
    );
    const again = await ws.run();
    expect(again.summary.totals.rows_read).toBe(2 * cases.reduce((n, c) => n + c.rows.length, 0));
  });

  it('judges text that is not a plain number, and bad values held back name their row, column and value', async () => {
    // full-width digits, words, non-finite spellings, a huge integer, blanks inside: none is an answer
    const texts = ['５', 'four', 'NaN', 'nan', 'Infinity', '-inf', '1e400', '99999999999999999999999', '4 5', '0x4', '４.0', ' 4 ', '4.0', '5e0'];
    const rows = surveyRows(texts);
    await ws.write('survey.csv', csvOf(rows));
    const files = await ws.ingest();
    // the last three are whole numbers once trimmed: 4, 4, 5
    const whole = new Map([[' 4 ', 4], ['4.0', 4], ['5e0', 5]]);
    expect(files[0]).toMatchObject(expectedReport(rows, (text) => whole.get(text) ?? Number.NaN));
    const held = await ws.query<{ file_row: number; column_name: string; value: string }>(
      "select file_row, column_name, value from quarantine where value = '1e400' order by file_row",
    );
    // the header is row 1; 1e400 is the 7th value, its rows 20, 21, 22 (one per column)
    expect(held).toEqual([
      { file_row: 20, column_name: 'q_a1', value: '1e400' },
      { file_row: 21, column_name: 'overall', value: '1e400' },
      { file_row: 22, column_name: 'recommend', value: '1e400' },
    ]);
  });

  it('accounts for JSON numbers beyond a double or an integer: quarantined with their column or as a broken line', async () => {
    const line = (id: string, answer: string) => `{"response_id": "${id}", "submitted_at": "2025-03-03", "department": "急诊科", "q_a1": ${answer}}`;
    await ws.write('survey.jsonl', [line('j1', '1e400'), line('j2', '99999999999999999999999'), line('j3', '-0'), line('j4', '4.0'), line('j5', '4')].join('\n') + '\n');
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ status: 'loaded', rows_read: 5, loaded: 2, duplicates: 0, quarantined: 3 });
    expect(await ws.query('select response_id, score from survey_answers order by response_id')).toEqual([
      { response_id: 'j4', score: 4 },
      { response_id: 'j5', score: 4 },
    ]);
  });

  it('reads typed Parquet columns (int64, double, decimal, hugeint) and spreadsheet number cells', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const path = join(ws.input, 'survey.parquet');
    // per row: q_a1 bigint, overall double, recommend decimal; r1 is valid, the others each break one column
    await connection.run(`copy (
        select * from (values
            ('r1', '2025-03-03', '急诊科', 5::bigint, 4::double, 10.00::decimal(18, 2), 3::hugeint),
            ('r2', '2025-03-03', '急诊科', 9223372036854775807::bigint, 4::double, 9.00::decimal(18, 2), 3::hugeint),
            ('r3', '2025-03-03', '急诊科', 4::bigint, 'nan'::double, 9.00::decimal(18, 2), 3::hugeint),
            ('r4', '2025-03-03', '急诊科', 4::bigint, '-inf'::double, 9.00::decimal(18, 2), 3::hugeint),
            ('r5', '2025-03-03', '急诊科', 4::bigint, 1e308::double, 9.00::decimal(18, 2), 3::hugeint),
            ('r6', '2025-03-03', '急诊科', 4::bigint, 4::double, 9.50::decimal(18, 2), 3::hugeint),
            ('r7', '2025-03-03', '急诊科', 4::bigint, 4::double, 9999999999999999.00::decimal(18, 2), 3::hugeint),
            ('r8', '2025-03-03', '急诊科', 4::bigint, 4::double, 9.00::decimal(18, 2), 170141183460469231731687303715884105727::hugeint)
        ) as t(response_id, submitted_at, department, q_a1, overall, recommend, q_b1)
    ) to '${path}' (format parquet)`);
    connection.closeSync();
    instance.closeSync();
    const cell = (value: number | string) => ({ value, type: typeof value === 'number' ? Number : String });
    const sheet = [
      HEADER.map((value) => ({ value })),
      ['x1', '2025-03-03', '急诊科', 3, 5, 0].map(cell),
      ['x2', '2025-03-03', '急诊科', 128, 5, 0].map(cell),
      ['x3', '2025-03-03', '急诊科', 3, 1e308, 0].map(cell),
      ['x4', '2025-03-03', '急诊科', 3, 5, -1].map(cell),
      ['x5', '2025-03-03', '急诊科', 3.5, 5, 0].map(cell),
    ];
    await writeXlsxFile(sheet as never).toFile(join(ws.input, 'survey.xlsx'));
    const files = await ws.ingest();
    const byPath = Object.fromEntries(files.map((file) => [file.path, file]));
    expect(byPath['survey.parquet']).toMatchObject({
      status: 'loaded', rows_read: 8, loaded: 1, quarantined: 7,
      quarantine_reasons: { [REASONS.q_a1]: 2, [REASONS.overall]: 3, [REASONS.recommend]: 2 },
    });
    expect(byPath['survey.xlsx']).toMatchObject({
      status: 'loaded', rows_read: 5, loaded: 1, quarantined: 4,
      quarantine_reasons: { [REASONS.q_a1]: 2, [REASONS.overall]: 1, [REASONS.recommend]: 1 },
    });
    expect(await ws.query('select response_id, overall, recommend from survey_responses order by response_id')).toEqual([
      { response_id: 'r1', overall: 4, recommend: 10 },
      { response_id: 'x1', overall: 5, recommend: 0 },
    ]);
  });
});

describe('no date stops a run', () => {
  it('quarantines times of absurd years, and keeps the run going through the marts', async () => {
    const header = 'id,received_at,department,text,responded_at,resolved_at';
    await ws.write(
      'complaints.csv',
      [
        header,
        'A1,99999-01-01,急诊科,排队太久,,',
        'A2,0001-01-01,急诊科,排队太久,,',
        'A3,294247-01-11,急诊科,排队太久,,',
        'A4,-2025-03-03,急诊科,排队太久,,',
        'A5,2025-02-30,急诊科,排队太久,,',
        'A6,1e308,急诊科,排队太久,,',
        'A7,2025-03-03,急诊科,排队太久,99999-01-01,',
        'A8,2025-03-03,急诊科,排队太久,,294247-01-11',
        'A9,2025-03-03,急诊科,排队太久,2025-03-04,2025-03-05',
      ].join('\n'),
    );
    const { summary } = await ws.run();
    expect(summary.files[0]).toMatchObject({ status: 'loaded', rows_read: 9, loaded: 1 });
    const held = await ws.query<{ file_row: number; column_name: string }>('select file_row, column_name from quarantine order by file_row');
    expect(held.map((row) => `${row.file_row} ${row.column_name}`)).toEqual([
      '2 received_at', '3 received_at', '4 received_at', '5 received_at', '6 received_at', '7 received_at', '8 responded_at', '9 resolved_at',
    ]);
  });
});

describe("a hospital's SLA table", () => {
  it('with a day count that is not a number stops the run with a one-line reason naming the row, not a cast error', async () => {
    await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../ref'] }));
    await mkdir(join(ws.root, 'ref'));
    await writeFile(join(ws.root, 'ref', 'complaint_sla.csv'), 'category,sla_days\nprocess,three\n');
    await ws.write('complaints.csv', 'id,received_at,department,text\nC1,2025-03-01,急诊科,排队太久\n');
    await expect(ws.run()).rejects.toThrow(/^complaint_sla\.csv: process: sla_days is not a number of days from 0 to 3650: three$/);
  });
});

describe("a hospital's visits table", () => {
  it('with a month or a count of visits that is not one stops the run with a one-line reason naming the row', async () => {
    await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../ref'] }));
    await mkdir(join(ws.root, 'ref'));
    await ws.write('complaints.csv', 'id,received_at,department,text\nC1,2025-03-01,急诊科,排队太久\n');
    await writeFile(join(ws.root, 'ref', 'visits.csv'), 'hospital,month,visits\ninput,2025-03,"12,000"\n');
    await expect(ws.run()).rejects.toThrow(/^visits\.csv: input 2025-03: needs a hospital, a month as YYYY-MM and a whole number of visits above 0, not 12,000$/);
    await writeFile(join(ws.root, 'ref', 'visits.csv'), 'hospital,month,visits\ninput,2025-3,1200\n');
    await expect(ws.run()).rejects.toThrow(/^visits\.csv: input 2025-3: needs/);
  });
});
