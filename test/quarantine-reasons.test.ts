import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRunReport } from '../dashboards/run-report.ts';
import { normalizeConfig } from '../pipeline/config.ts';
import { queryRows } from '../pipeline/db.ts';
import { QUARANTINE_REASONS, quarantineReasonText } from '../pipeline/quarantine-reasons.ts';
import type { RunSummary } from '../pipeline/publish/run-summary.ts';
import { prepareSession } from '../pipeline/warehouse-ingest.ts';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every quarantine reason code the models and readers can write, read from their source. */
function codesInSource(): string[] {
  const staging = readdirSync(join(ROOT, 'models/staging')).map((f) => read(join('models/staging', f)));
  const fromModels = staging.flatMap((sql) => [...sql.matchAll(/'reason': '([^']+)'/g)].map((m) => m[1] ?? ''));
  // required_fields_problem('id', …, 'received_at', …) checks an id and a time column: its body, with
  // those columns' names in, calls the macros below
  const required = read('models/macros/required_fields_problem.sql');
  const requiredCalls = staging.flatMap((text) => [...text.matchAll(/required_fields_problem\('([a-z_]+)', [^']*'([a-z_]+)'/g)]);
  const expanded = [...staging, ...requiredCalls.map(([, id, time]) => required.replaceAll('id_column', `'${id}'`).replaceAll('time_column', `'${time}'`))];
  const fromRequired = requiredCalls.flatMap(([, id]) => [...required.matchAll(/id_column \|\| '([^']+)'/g)].map((m) => `${id}${m[1]}`));
  // missing_problem('id', …) and timestamp_problem('received_at', …) build their codes from the column's name
  const builders = { missing_problem: read('models/macros/missing_problem.sql'), timestamp_problem: read('models/macros/timestamp_problem.sql') };
  const fromMacros = Object.entries(builders).flatMap(([macro, sql]) => {
    const built = (definition: string) => [...definition.matchAll(/column_name \|\| '([^']+)'/g)].map((m) => m[1] ?? '');
    // timestamp_problem calls missing_problem: its columns get that macro's codes too
    const suffixes = [...built(sql), ...(macro === 'timestamp_problem' ? built(builders.missing_problem) : [])];
    const columns = expanded.flatMap((text) => [...text.matchAll(new RegExp(`${macro}\\('([a-z_]+)'`, 'g'))].map((m) => m[1] ?? ''));
    return columns.flatMap((column) => suffixes.map((suffix) => `${column}${suffix}`));
  });
  const readers = read('pipeline/ingest/read-raw.ts');
  const fromReaders = [...readers.matchAll(/'(broken_[a-z]+_(?:row|line)|line_not_text|csv_row_too_long)'/g)].map((m) => m[1] ?? '');
  // the fixes file's own staging names a row's problem as `then 'code'`
  const fromFixes = [...read('models/fixes/stg_fixes.sql').matchAll(/then '([a-z0-9_]+)'/g)].map((m) => m[1] ?? '');
  return [...new Set([...fromModels, ...fromRequired, ...fromMacros, ...fromReaders, ...fromFixes])].sort();
}

describe('quarantine reasons are codes with one wording table', () => {
  it('finds the codes in the source (so the checks below check something)', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThanOrEqual(25);
    expect(codes).toEqual(expect.arrayContaining(['broken_csv_row', 'line_not_text', 'id_missing', 'id_personal_data', 'response_id_personal_data', 'department_missing', 'submitted_at_in_future']));
  });

  it('words every code the source writes, and no code it does not', () => {
    expect(QUARANTINE_REASONS.map((r) => r.code).sort()).toEqual(codesInSource());
  });

  it('keeps the English wording the contract shows as the run summary keys (CONTRACT.md section 6)', () => {
    expect(quarantineReasonText('en', 'received_at_not_a_date')).toBe('received_at is not a date');
    expect(quarantineReasonText('en', 'text_empty')).toBe('text is empty');
  });

  it('words each code in Chinese and Vietnamese, apart from the English', () => {
    for (const reason of QUARANTINE_REASONS) {
      expect(reason.zh, reason.code).not.toBe(reason.en);
      expect(reason.vi, reason.code).not.toBe(reason.en);
    }
    expect(quarantineReasonText('zh', 'text_empty')).toBe('内容为空');
    expect(quarantineReasonText('vi', 'broken_csv_row')).toBe('dòng CSV bị hỏng');
  });

  it("the site's data-quality report words each reason by its code, in the site's language", () => {
    const summary: RunSummary = {
      run_id: 'r',
      generated_at: '2025-06-30T08:00:00Z',
      as_of: '2025-06-30',
      files: [],
      ignored_files: [],
      not_read: [],
      totals: { rows_read: 0, loaded: 0, duplicates: 0, quarantined: 0 },
      records_in_warehouse: { feedback: 0, survey: 0, total: 0 },
      data_quality: {
        quarantine_by_reason: [{ hospital: 'h', reason: 'text is empty', reason_code: 'text_empty', rows: 1, examples: [{ path: 'a.csv', row: 3, line: null }] }],
        unknown_departments: [],
        unrecognised_values: [],
      },
      text: { analysed: 0, languages: { zh: 0, vi: 0, en: 0 }, categories: [] },
    };
    const page = (language: 'zh' | 'vi') => renderRunReport(summary, { language, warnings: [], group: [], hospital: 'h', downloads: [], reports: [] });
    expect(page('zh')).toContain('内容为空');
    expect(page('vi')).toContain('nội dung trống');
  });

  it('shows a code it has no wording for as it is', () => {
    expect(quarantineReasonText('zh', 'a_newer_reason')).toBe('a_newer_reason');
  });

  it('marks only the reasons of a time after the run day as ones that may pass later', () => {
    expect(QUARANTINE_REASONS.filter((r) => r.may_pass_later).map((r) => r.code).sort()).toEqual([
      'received_at_in_future', 'resolved_at_in_future', 'responded_at_in_future', 'submitted_at_in_future',
    ]);
  });
});

describe('the warehouse reads the same wording and codes what an older warehouse worded', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const config = normalizeConfig({ lang: 'en' });
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await prepareSession(connection, config);
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('loads stg_quarantine_reasons from the wording file', async () => {
    const rows = await queryRows<{ code: string; may_pass_later: boolean; en: string; zh: string; vi: string }>(
      connection,
      'select code, may_pass_later, en, zh, vi from stg_quarantine_reasons order by code',
    );
    expect(rows).toEqual([...QUARANTINE_REASONS].sort((a, b) => (a.code < b.code ? -1 : 1)).map((r) => ({ ...r })));
  });

  it('turns English wording stored by an older hearken into its code, exactly, and leaves the rest', async () => {
    await connection.run(
      `insert into quarantine (file_id, file_row, reason) values
         (1, 1, 'text is empty'), (1, 2, 'broken CSV row'), (1, 3, 'satisfied is not yes, no or pending'),
         (1, 4, 'id_missing'), (1, 5, 'text is empty, really')`,
    );
    await prepareSession(connection, config);
    const rows = await queryRows<{ reason: string }>(connection, 'select reason from quarantine order by file_row');
    expect(rows.map((r) => r.reason)).toEqual(['text_empty', 'broken_csv_row', 'satisfied_unknown', 'id_missing', 'text is empty, really']);
  });
});
