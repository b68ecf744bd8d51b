import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { quarantineReasonText } from '../../pipeline/quarantine-reasons.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { FEEDBACK_EXPECTED_REASONS, FEEDBACK_HEADER, FEEDBACK_ROWS, SURVEY_CSV, feedbackCsv } from './fixtures.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

// the feedback fixture run once, read by the tests of its rows; a test that runs again does so on a copy
let fed: Workspace;
let fedSummary: RunSummary;
beforeAll(async () => {
  fed = await createWorkspace();
  await fed.write('complaints.csv', feedbackCsv());
  ({ summary: fedSummary } = await fed.run());
});
afterAll(async () => {
  await fed.dispose();
});

describe('feedback CSV: every row loaded, duplicate or quarantined with its reason', () => {
  it('accounts for every row of the file', () => {
    const summary = fedSummary;
    const [file] = summary.files;
    expect(file).toMatchObject({ path: 'complaints.csv', kind: 'feedback', status: 'loaded', rows_read: 20, loaded: 5, duplicates: 1, quarantined: 14 });
    expect(file?.quarantine_reasons).toEqual(FEEDBACK_EXPECTED_REASONS);
    expect(summary.totals).toEqual({ rows_read: 20, loaded: 5, duplicates: 1, quarantined: 14 });
    expect(summary.records_in_warehouse).toEqual({ feedback: 5, survey: 0, total: 5 });
  });

  it('types, maps and resolves the loaded records', async () => {
    const rows = await fed.query<Record<string, unknown>>(
      `select id, source, strftime(received_at, '%Y-%m-%d %H:%M') as received_at, channel, kind, department, department_is_known as known,
              category, category_source, text_redacted from fct_feedback order by id`,
    );
    expect(rows).toEqual([
      // the file's name is the default source; the phone number is redacted
      { id: 'F1', source: 'complaints', received_at: '2025-03-02 08:15', channel: 'hotline', kind: 'complaint', department: '急诊科', known: true, category: 'process', category_source: 'given', text_redacted: '排队两个小时没人管，电话[phone]' },
      // +07:00 is 09:15 in Shanghai; 12345 is the government hotline; 投诉 is a complaint; 心内科 is cardiology
      // a blank category is inferred from the text (预约 appointment → process; tận tình → attitude)
      { id: 'F19', source: 'complaints', received_at: '2025-03-06 00:00', channel: 'other', kind: 'complaint', department: '睡眠医学中心', known: false, category: 'process', category_source: 'inferred', text_redacted: '新开的睡眠中心预约难' },
      { id: 'F2', source: 'complaints', received_at: '2025-03-02 09:15', channel: 'gov_hotline', kind: 'complaint', department: expect.stringMatching(/心/), known: true, category: 'attitude', category_source: 'given', text_redacted: '护士态度很差' },
      { id: 'F3', source: 'complaints', received_at: '2025-03-03 00:00', channel: 'walk_in', kind: 'praise', department: 'Khoa Cấp cứu', known: true, category: 'attitude', category_source: 'inferred', text_redacted: 'Bác sĩ rất tận tình, cảm ơn' },
      { id: 'F4', source: 'complaints', received_at: '2025-03-04 00:00', channel: 'social', kind: 'suggestion', department: expect.any(String), known: true, category: 'facility', category_source: 'given', text_redacted: 'The car park needs more spaces' },
    ]);
    const codes = await fed.query<{ id: string; code: string }>('select id, department_code as code from fct_feedback order by id');
    expect(Object.fromEntries(codes.map((r) => [r.id, r.code]))).toEqual({ F1: 'emergency', F19: null, F2: 'cardiology', F3: 'emergency', F4: 'emergency' });
  });

  it('reports unknown departments and unrecognised values, and keeps quarantine rows with their place', async () => {
    const summary = fedSummary;
    // a file directly in the input folder belongs to the hospital named after that folder
    expect(summary.data_quality.unknown_departments).toEqual([{ hospital: 'input', name: '睡眠医学中心', feedback_records: 1, survey_responses: 0, suggestions: [] }]);
    // a kind or satisfied nobody recognised holds its row back, and is reported with the rest
    expect(summary.data_quality.unrecognised_values).toEqual([
      { hospital: 'input', field: 'channel', value: 'fax machine', records: 1 },
      { hospital: 'input', field: 'kind', value: 'grumble', records: 1 },
      { hospital: 'input', field: 'satisfied', value: 'maybe', records: 1 },
    ]);
    const held = await fed.query<{ file_row: number | null; file_line: number | null; column_name: string | null; reason: string; value: string | null }>(
      'select file_row, file_line, column_name, reason, value from quarantine order by coalesce(file_row, 0), file_line',
    );
    expect(held[0]).toEqual({ file_row: null, file_line: 20, column_name: null, reason: 'broken_csv_row', value: expect.stringContaining('Columns') });
    // rows are counted as a spreadsheet shows them: the header is row 1; the warehouse keeps the reason's code
    expect(held).toContainEqual({ file_row: 9, file_line: null, column_name: 'received_at', reason: 'received_at_not_a_date', value: '2025-13-45' });
  });
});

describe('time zones', () => {
  it("reads each file's times in its hospital's zone, set per folder in the config", async () => {
    await ws.write('hearken.config.json', JSON.stringify({ timezone: 'Asia/Shanghai', timezones: { 'uk/**': 'Europe/London' } }));
    const csv = 'id,received_at,department,text\n1,2025-06-20T09:00:00+00:00,A&E,offset given\n2,2025-06-20 09:00,A&E,local time\n';
    await ws.write('uk/a.csv', csv);
    await ws.write('cn/b.csv', `${csv}3,2025-06-21,急诊科,another file\n`);
    await ws.ingest();
    const rows = await ws.query<{ source: string; id: string; at: string }>(
      "select source, id, strftime(received_at, '%H:%M') as at from feedback_records order by source, id",
    );
    // 09:00 UTC is 10:00 in London (summer time) and 17:00 in Shanghai; a local time stays as written
    expect(rows.map((r) => `${r.source}/${r.id} ${r.at}`)).toEqual(['a/1 10:00', 'a/2 09:00', 'b/1 17:00', 'b/2 09:00', 'b/3 00:00']);
  });
});

describe('broken CSV rows', () => {
  it('counts the rows an unclosed quote swallows, and keeps a real multi-line field', async () => {
    await ws.write(
      'quotes.csv',
      [
        'id,received_at,department,text',
        '1,2025-01-01,急诊科,"a complaint over',
        'two lines, properly quoted"',
        '2,2025-01-02,急诊科,"this quote is never closed',
        '3,2025-01-03,急诊科,swallowed',
        '4,2025-01-04,急诊科,swallowed too',
      ].join('\n'),
    );
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ rows_read: 4, loaded: 1, quarantined: 3, quarantine_reasons: { 'broken CSV row': 3 } });
    expect(await ws.query('select id, text_raw from feedback_records')).toEqual([{ id: '1', text_raw: 'a complaint over\ntwo lines, properly quoted' }]);
    const [held] = await ws.query<{ value: string }>('select any_value(value) as value from quarantine');
    expect(held?.value).toBe('a quote is not closed: 3 rows were read as one');
  });
});

describe('the rows after a broken CSV row', () => {
  it('keep their row as a spreadsheet shows it, the broken row counted above them', async () => {
    await ws.write(
      'middle.csv',
      [
        'id,received_at,department,text', // row 1
        '1,2025-01-01,急诊科,fine', // row 2
        '2,2025-01-02,急诊科,one,column,too,many', // row 3: broken
        '3,2025-13-45,急诊科,a month that is not', // row 4
        '4,2025-01-04,急诊科,fine too', // row 5
      ].join('\n'),
    );
    await ws.ingest();
    expect(await ws.query('select id, file_row from feedback_records order by id')).toEqual([{ id: '1', file_row: 2 }, { id: '4', file_row: 5 }]);
    expect(await ws.query('select file_row, file_line, reason from quarantine order by file_line, file_row')).toEqual([
      { file_row: null, file_line: 3, reason: 'broken_csv_row' },
      { file_row: 4, file_line: null, reason: 'received_at_not_a_date' },
    ]);
  });
});

describe('a CSV row longer than the reader takes', () => {
  it('is quarantined as that, with the limit, in the reader\'s language, and the rows around it load', async () => {
    // one 30 MB line with no line break: DuckDB's reader stops at max_line_size, 2,000,000 bytes
    const enormous = 'x'.repeat(30 * 1024 * 1024);
    await ws.write('enormous.csv', ['id,received_at,department,text', '1,2025-01-01,急诊科,fine', `2,2025-01-02,急诊科,${enormous}`, '3,2025-01-03,急诊科,also fine'].join('\n'));
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ rows_read: 3, loaded: 2, quarantined: 1, quarantine_reasons: { "CSV row longer than the reader's limit of 2,000,000 bytes": 1 } });
    expect(await ws.query('select id from feedback_records order by id')).toEqual([{ id: '1' }, { id: '3' }]);
    const [held] = await ws.query<{ file_line: number; reason: string; value: string }>('select file_line, reason, value from quarantine');
    // the row's bytes: 30 × 1,048,576 of text after '2,2025-01-02,急诊科,' (23 bytes in UTF-8)
    expect(held).toEqual({ file_line: 3, reason: 'csv_row_too_long', value: 'Maximum line size of 2000000 bytes exceeded. Actual Size:31457303 bytes.' });
    expect(quarantineReasonText('zh', held!.reason)).toBe('CSV 行超过读取上限 2,000,000 字节');
    expect(quarantineReasonText('vi', held!.reason)).toBe('dòng CSV dài hơn giới hạn đọc 2.000.000 byte');
  });
});

describe('identity and increments', () => {
  it('skips a file already loaded, counting its rows as duplicates, and changes nothing', async () => {
    await ws.write('complaints.csv', feedbackCsv().replace(`${FEEDBACK_ROWS.future}\n`, ''));
    await ws.ingest();
    const before = await ws.query('select * from feedback_records order by source, id');
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ status: 'skipped_identical', rows_read: 19, loaded: 0, duplicates: 19, quarantined: 0 });
    expect(await ws.query('select * from feedback_records order by source, id')).toEqual(before);
    expect(await ws.query('select count(*)::integer as n from quarantine')).toEqual([{ n: 13 }]);
  });

  it('reads a file again while it holds rows dated in the future, since they may be valid by now', async () => {
    const later = await fed.copy();
    try {
      const { summary } = await later.run(undefined, new Date('2025-08-01T04:00:00Z'));
      // F8 (2025-07-15) is no longer in the future: it loads; everything else is as before
      expect(summary.files[0]).toMatchObject({ status: 'loaded', rows_read: 20, loaded: 1, duplicates: 6, quarantined: 13 });
      expect(summary.data_quality.quarantine_by_reason.reduce((n, r) => n + r.rows, 0)).toBe(13);
    } finally {
      await later.dispose();
    }
  });

  it('a new file adds only its new rows; a changed record replaces its old version', async () => {
    await ws.write('east/complaints.csv', feedbackCsv().replace(`${FEEDBACK_ROWS.future}\n`, ''));
    await ws.ingest();
    const changedF2 = FEEDBACK_ROWS.F2.replace('replied,,,pending', 'closed,2025-03-02 10:00,2025-03-04 12:00,yes');
    const update = [FEEDBACK_HEADER, FEEDBACK_ROWS.F1, changedF2, 'F20,,2025-03-07,hotline,,急诊科,,,new record,,,,'].join('\n');
    // the same hospital (the first-level folder) and source name as the first file, so the ids are the same records
    await ws.write('east/later/complaints.csv', update);
    const files = await ws.ingest();
    expect(files.map((f) => [f.path, f.status, f.rows_read, f.loaded, f.duplicates, f.quarantined, f.replaced])).toEqual([
      ['east/complaints.csv', 'skipped_identical', 19, 0, 19, 0, undefined],
      ['east/later/complaints.csv', 'loaded', 3, 2, 1, 0, 1],
    ]);
    expect(await ws.query("select id, status, satisfied from feedback_records where id in ('F2', 'F20') order by id")).toEqual([
      { id: 'F2', status: 'closed', satisfied: 'yes' },
      { id: 'F20', status: null, satisfied: null },
    ]);
    expect(await ws.query('select count(*)::integer as n, count(distinct (source, id))::integer as keys from feedback_records')).toEqual([{ n: 6, keys: 6 }]);
  });
});

describe('survey CSV', () => {
  it('loads answers long, and quarantines each kind of bad response with its reason', async () => {
    await ws.write('psi.csv', SURVEY_CSV);
    const { summary } = await ws.run();
    expect(summary.files[0]).toMatchObject({ kind: 'survey', rows_read: 14, loaded: 3, duplicates: 0, quarantined: 11 });
    expect(summary.files[0]?.quarantine_reasons).toEqual({
      'answer is not a whole number from 1 to 5': 2,
      'overall is not a whole number from 1 to 5': 1,
      'recommend is not a whole number from 0 to 10': 1,
      'patient_type is not inpatient or outpatient': 1,
      'response_id is missing': 1,
      'submitted_at is missing': 1,
      'submitted_at is not a date': 1,
      'submitted_at is in the future': 1,
      'submitted_at is before 2000': 1,
      'department is missing': 1,
    });
    expect(await ws.query('select response_id, item_code, score::integer as score from survey_answers order by response_id, item_code')).toEqual([
      { response_id: 'S1', item_code: 'a1', score: 5 },
      { response_id: 'S1', item_code: 'a2', score: 4 },
      { response_id: 'S1', item_code: 'd1', score: 5 },
      { response_id: 'S2', item_code: 'a1', score: 4 },
      { response_id: 'S2', item_code: 'd1', score: 3 },
      { response_id: 'S3', item_code: 'a1', score: 2 },
      { response_id: 'S3', item_code: 'a2', score: 2 },
      { response_id: 'S3', item_code: 'd1', score: 1 },
    ]);
    expect(await ws.query('select response_id, patient_type, department, comment_redacted from fct_survey_response order by response_id')).toEqual([
      { response_id: 'S1', patient_type: 'inpatient', department: 'Khoa Nhi', comment_redacted: 'Bác sĩ tận tình' },
      { response_id: 'S2', patient_type: 'outpatient', department: 'Khoa Nhi', comment_redacted: null },
      { response_id: 'S3', patient_type: null, department: 'Khoa Cấp cứu', comment_redacted: 'Chờ quá lâu. SĐT [phone]' },
    ]);
  });
});

describe('whole files that cannot be read', () => {
  it('rejects a table of unknown shape, and an unsupported format, with one-line errors', async () => {
    await ws.write('a/roster.csv', 'name,shift\nLi,night\n');
    await ws.write('b/old.xls', 'not really');
    await ws.write('notes.md', '# notes');
    const { summary } = await ws.run();
    expect(summary.files).toMatchObject([
      { path: 'a/roster.csv', kind: 'unknown', status: 'rejected', rows_read: 0, error: expect.stringContaining('no received_at'), rejection: { reason: 'rejection.noKind' } },
      { path: 'b/old.xls', status: 'rejected', rows_read: 0, error: expect.stringContaining('.xlsx'), rejection: { reason: 'rejection.xls' } },
    ]);
    expect(summary.ignored_files).toEqual(['notes.md']);
  });

  it('rejects a feedback file without a required column', async () => {
    await ws.write('x.csv', 'id,received_at,department\n1,2025-01-01,急诊科\n');
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ kind: 'feedback', status: 'rejected', error: 'missing required column: text', rejection: { reason: 'rejection.missingColumn', values: { columns: 'text' } } });
  });

  it('says an empty file is empty, not that it lacks the contract\'s columns', async () => {
    await ws.write('blank.csv', '');
    const files = await ws.ingest();
    expect(files[0]).toMatchObject({ path: 'blank.csv', kind: 'unknown', status: 'rejected', rows_read: 0, error: 'the file is empty', rejection: { reason: 'rejection.empty' } });
  });
});
