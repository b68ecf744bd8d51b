import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../../pipeline/ingest/ingest.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * A file staged three rows at a time (ingest_slice_rows: 3) lands what it lands staged whole:
 * the same records, the same quarantine in the same order, the same counts. The rows are placed
 * so that each rule that needs the whole file crosses a slice boundary.
 */
const FEEDBACK = [
  'id,received_at,department,channel,text',
  // slice 1 (data rows 1-3)
  'A1,2025-03-01 08:00,急诊科,hotline,first version of A1',
  'A2,2025-03-01 09:00,急诊科,hotline,A2 only version',
  'B1,2025-03-01 10:00,心内科,hotline,B1 valid early version',
  // slice 2 (rows 4-6): a row without an id, and a department no reference table knows
  ',2025-03-02 08:00,急诊科,hotline,no id',
  'A4,2025-03-02 09:00,不存在的科室,hotline,A4 in an unknown department',
  'A1,2025-03-02 10:00,急诊科,hotline,second version of A1',
  // slice 3 (rows 7-9): A1's last version wins; B1's last row is quarantined, so its earlier valid row stands
  'A1,2025-03-03 08:00,急诊科,hotline,last version of A1',
  'B1,2025-13-45,心内科,hotline,B1 with a bad date',
  'A2,2025-03-01 09:00,急诊科,hotline,A2 only version',
  // slice 4 (row 10): a broken row, last (a broken row shifts the rows after it: see the report of this session)
  'A3,2025-03-04 08:00,急诊科,hotline,broken,extra,cols',
].join('\n') + '\n';

const SURVEY = [
  'response_id,submitted_at,department,q_a1,q_a2,overall,recommend',
  'S1,2025-04-01 10:00,Khoa Nhi,5,4,5,9',
  'S2,2025-04-01 11:00,Khoa Nhi,4,,4,7',
  'S3,2025-04-02,Khoa Nhi,7,4,4,8',
  'S1,2025-04-03 10:00,Khoa Nhi,3,3,3,6',
  'S4,2025-04-03,Khoa Không Có,2,2,2,2',
].join('\n') + '\n';

const RECORDS = 'select id, text_raw, file_row, received_at::varchar as received_at, department_raw from feedback_records order by id';
const RESPONSES = 'select response_id, file_row, overall, answers::varchar as answers, department_raw from survey_responses order by response_id';
const QUARANTINE = 'select file_row, file_line, column_name, reason, value from quarantine order by file_id, rowid';

interface Landed {
  reports: FileReport[];
  records: Record<string, unknown>[];
  responses: Record<string, unknown>[];
  quarantine: Record<string, unknown>[];
}

async function ingestWith(ws: Workspace, config: object): Promise<Landed> {
  await ws.write('feedback.csv', FEEDBACK);
  await ws.write('survey.csv', SURVEY);
  const configPath = join(ws.root, 'hearken.config.json');
  await writeFile(configPath, JSON.stringify(config));
  const reports = await ws.ingest({ config: configPath });
  return {
    reports: reports.map(({ path, kind, status, rows_read, loaded, duplicates, quarantined, quarantine_reasons }) => ({
      path, kind, status, rows_read, loaded, duplicates, quarantined, quarantine_reasons,
    })) as FileReport[],
    records: await ws.query(RECORDS),
    responses: await ws.query(RESPONSES),
    quarantine: await ws.query(QUARANTINE),
  };
}

describe('staging a file in slices', () => {
  let whole: Workspace;
  let sliced: Workspace;
  let once: Landed;
  let inSlices: Landed;

  beforeAll(async () => {
    whole = await createWorkspace();
    sliced = await createWorkspace();
    once = await ingestWith(whole, {});
    inSlices = await ingestWith(sliced, { ingest_slice_rows: 3 });
  });

  afterAll(async () => {
    await whole.dispose();
    await sliced.dispose();
  });

  it('lands the rows one pass lands, with the same quarantine and counts', () => {
    expect(inSlices).toEqual(once);
  });

  it('keeps the last valid row of each key across slices', () => {
    // hand-worked, as spreadsheet rows (the header is row 1): A1's rows 2, 7, 8 → 8; B1's row 9 is
    // quarantined (month 13) → its row 4; A2's rows 3 and 10 are identical → the last, 10
    expect(inSlices.records.map((r) => [r.id, r.file_row, r.text_raw])).toEqual([
      ['A1', 8, 'last version of A1'],
      ['A2', 10, 'A2 only version'],
      ['A4', 6, 'A4 in an unknown department'],
      ['B1', 4, 'B1 valid early version'],
    ]);
    expect(inSlices.records.find((r) => r.id === 'A4')?.department_raw).toBe('不存在的科室');
  });

  it('accounts for every row of the feedback file', () => {
    const feedback = inSlices.reports.find((r) => r.kind === 'feedback');
    // 10 data rows: 4 landed, 3 duplicates (A1 twice, A2 once), 3 quarantined (no id, bad date, broken), in file order
    expect(feedback).toMatchObject({ rows_read: 10, loaded: 4, duplicates: 3, quarantined: 3 });
    expect(inSlices.quarantine.filter((q) => q.reason !== 'answer_not_1_to_5').map((q) => q.reason)).toEqual([
      'id_missing',
      'received_at_not_a_date',
      'broken_csv_row',
    ]);
  });

  it('lands the last answers of a response staged in another slice', () => {
    // S1's rows 1 and 4 fall in two slices: row 4 wins; S3 holds a 7 and is quarantined
    expect(inSlices.responses.map((r) => [r.response_id, r.file_row, r.overall])).toEqual([
      ['S1', 5, 3],
      ['S2', 3, 4],
      ['S4', 6, 2],
    ]);
    expect(inSlices.responses[0]?.answers).toBe("[{'item_code': a1, 'score': 3}, {'item_code': a2, 'score': 3}]");
    expect(inSlices.reports.find((r) => r.kind === 'survey')).toMatchObject({ rows_read: 5, loaded: 3, duplicates: 1, quarantined: 1 });
  });
});
