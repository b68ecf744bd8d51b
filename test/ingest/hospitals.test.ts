// Contract section 1: every record belongs to a hospital: its `hospital` column, else the
// first-level folder under the input folder, else the configured name, else the input folder's name.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

const HEADER = 'id,received_at,department,text';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

async function hospitals(): Promise<{ hospital: string; source: string; id: string }[]> {
  return ws.query('select hospital, source, id from feedback_records order by hospital, source, id');
}

describe('the hospital of a record', () => {
  it('is its folder under the input folder, else the input folder name', async () => {
    await ws.write('east/complaints.csv', csv('E1,2025-03-02,急诊科,排队太久'));
    await ws.write('east/2025/march/complaints-march.csv', csv('E2,2025-03-03,急诊科,排队太久'));
    await ws.write('complaints.csv', csv('T1,2025-03-02,急诊科,排队太久'));
    await ws.ingest();
    expect(await hospitals()).toEqual([
      { hospital: 'east', source: 'complaints', id: 'E1' },
      { hospital: 'east', source: 'complaints-march', id: 'E2' },
      // the workspace's input folder is named `input`
      { hospital: 'input', source: 'complaints', id: 'T1' },
    ]);
  });

  it('takes the configured name for files directly in the input folder', async () => {
    await ws.write('hearken.config.json', JSON.stringify({ hospital: '江州市第一人民医院' }));
    await ws.write('complaints.csv', csv('T1,2025-03-02,急诊科,排队太久'));
    await ws.write('west/complaints.csv', csv('W1,2025-03-02,急诊科,排队太久'));
    await ws.ingest();
    expect((await hospitals()).map((row) => [row.hospital, row.id])).toEqual([
      ['west', 'W1'],
      ['江州市第一人民医院', 'T1'],
    ]);
  });

  it("is the file's own hospital column where it has one; a blank cell falls back to the folder", async () => {
    await ws.write(
      'group/workorders.csv',
      ['id,hospital,received_at,department,text', 'G1,江州医院 东院,2025-03-02,急诊科,排队太久', 'G2,  ,2025-03-02,急诊科,排队太久', 'G3,"江州医院  西院",2025-03-02,急诊科,排队太久'].join('\n'),
    );
    await ws.ingest();
    expect((await hospitals()).map((row) => [row.hospital, row.id])).toEqual([
      ['group', 'G2'],
      ['江州医院 东院', 'G1'],
      // white space folded as in department names
      ['江州医院 西院', 'G3'],
    ]);
  });

  it('can come from a mapped column, or a constant of a mapping', async () => {
    await ws.write(
      'hearken.config.json',
      JSON.stringify({
        mappings: [
          { name: 'group export', files: ['group.csv'], kind: 'feedback', columns: { id: '编号', hospital: '院区', received_at: '日期', department: '科室', text: '内容' } },
          { name: 'campus', files: ['campus.csv'], kind: 'feedback', columns: { hospital: { value: '南院' } } },
        ],
      }),
    );
    await ws.write('group.csv', ['编号,院区,日期,科室,内容', 'M1,北院,2025-03-02,急诊科,排队太久'].join('\n'));
    await ws.write('campus.csv', csv('C1,2025-03-02,急诊科,排队太久'));
    await ws.ingest();
    expect((await hospitals()).map((row) => [row.hospital, row.id])).toEqual([
      ['北院', 'M1'],
      ['南院', 'C1'],
    ]);
  });

  it("keeps quarantined rows with the row's hospital, or the file's", async () => {
    await ws.write('north/complaints.csv', ['id,hospital,received_at,department,text', 'Q1,北院二部,2025-03-02,,no department', 'Q2,,not a date,急诊科,x'].join('\n'));
    const { summary } = await ws.run();
    expect(await ws.query('select hospital, reason from quarantine order by hospital')).toEqual([
      { hospital: 'north', reason: 'received_at_not_a_date' },
      { hospital: '北院二部', reason: 'department_missing' },
    ]);
    expect(summary.data_quality.quarantine_by_reason.map((r) => [r.hospital, r.reason, r.rows])).toEqual([
      ['北院二部', 'department is missing', 1],
      ['north', 'received_at is not a date', 1],
    ]);
  });
});

describe('records are keyed by (hospital, source, id)', () => {
  it("two hospitals' complaints.csv with the same ids never replace each other", async () => {
    await ws.write('east/complaints.csv', csv('F1,2025-03-02,急诊科,东院排队太久', 'F2,2025-03-02,儿科,东院没有座位'));
    await ws.write('west/complaints.csv', csv('F1,2025-03-02,急诊科,西院排队太久'));
    const { summary } = await ws.run();
    expect(summary.files.map((f) => [f.path, f.loaded, f.duplicates, f.replaced])).toEqual([
      ['east/complaints.csv', 2, 0, 0],
      ['west/complaints.csv', 1, 0, 0],
    ]);
    expect(summary.records_in_warehouse.feedback).toBe(3);
    expect(await ws.query("select hospital, text_redacted from fct_feedback where id = 'F1' order by hospital")).toEqual([
      { hospital: 'east', text_redacted: '东院排队太久' },
      { hospital: 'west', text_redacted: '西院排队太久' },
    ]);
    // a changed export of one hospital replaces that hospital's record only
    await ws.write('west/complaints.csv', csv('F1,2025-03-02,急诊科,西院排队太久，已改'));
    const second = await ws.run();
    expect(second.summary.files.find((f) => f.path === 'west/complaints.csv')).toMatchObject({ loaded: 1, replaced: 1 });
    expect(await ws.query("select hospital, text_redacted from fct_feedback where id = 'F1' order by hospital")).toEqual([
      { hospital: 'east', text_redacted: '东院排队太久' },
      { hospital: 'west', text_redacted: '西院排队太久，已改' },
    ]);
  });

  it("keeps two hospitals' survey responses with the same ids apart, answers too", async () => {
    const survey = (answer: number) => ['response_id,submitted_at,department,q_a1', `S1,2025-04-01,Khoa Nhi,${answer}`].join('\n');
    await ws.write('north/survey.csv', survey(5));
    await ws.write('south/survey.csv', survey(2));
    await ws.run();
    expect(await ws.query('select hospital, response_id, item_code, score from survey_answers order by hospital')).toEqual([
      { hospital: 'north', response_id: 'S1', item_code: 'a1', score: 5 },
      { hospital: 'south', response_id: 'S1', item_code: 'a1', score: 2 },
    ]);
    expect(await ws.query('select hospital, items_answered from fct_survey_response order by hospital')).toEqual([
      { hospital: 'north', items_answered: 1 },
      { hospital: 'south', items_answered: 1 },
    ]);
    // each answer counts once, for its own respondent (no pairing across hospitals)
    expect(await ws.query('select hospital, response_id, score from mart_satisfaction_answers order by hospital')).toEqual([
      { hospital: 'north', response_id: 'S1', score: 5 },
      { hospital: 'south', response_id: 'S1', score: 2 },
    ]);
  });
});

describe('a warehouse made before hospitals', () => {
  /** Takes the warehouse back to its form before contract v2: no hospital anywhere, answers in a table of their own, and the rules it was read under gone. */
  async function forgetHospitals(): Promise<void> {
    const instance = await DuckDBInstance.create(ws.db);
    const connection = await instance.connect();
    try {
      await connection.run('drop view stored_feedback_keys; drop view stored_survey_keys; drop view record_terms');
      // and before a response's answers were a list on its row: a table of one row per answer
      await connection.run('create table answers_table as select * from survey_answers; drop view survey_answers; alter table answers_table rename to survey_answers');
      await connection.run('alter table survey_responses drop column answers');
      for (const table of ['feedback_records', 'survey_responses', 'survey_answers', 'quarantine', 'text_analyses', 'inferred_categories']) {
        await connection.run(`alter table ${table} drop column hospital`);
      }
      await connection.run("update ingested_files set rules_fingerprint = 'before hospitals'");
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }

  it('gets every record its hospital from its file path, loses nothing and loads nothing twice', async () => {
    await ws.write('east/complaints.csv', csv('F1,2025-03-02,急诊科,东院排队太久', 'F2,2025-03-02,儿科,东院没有座位', 'F3,not a date,儿科,x'));
    await ws.write('complaints.csv', csv('F1,2025-03-02,急诊科,排队太久'));
    await ws.write('east/survey.csv', ['response_id,submitted_at,department,q_a1,q_a2', 'S1,2025-04-01,Khoa Nhi,5,4'].join('\n'));
    await ws.run();
    const before = await ws.query('select hospital, source, id, content_hash::varchar as hash from feedback_records order by all');
    await forgetHospitals();

    const { summary } = await ws.run();
    // read again under the new rules: every record found unchanged under its key
    expect(summary.files.map((f) => [f.path, f.status, f.loaded, f.duplicates, f.quarantined])).toEqual([
      ['complaints.csv', 'loaded', 0, 1, 0],
      ['east/complaints.csv', 'loaded', 0, 2, 1],
      ['east/survey.csv', 'loaded', 0, 1, 0],
    ]);
    expect(await ws.query('select hospital, source, id, content_hash::varchar as hash from feedback_records order by all')).toEqual(before);
    expect(await ws.query('select hospital, count(*)::integer as answers from survey_answers group by all')).toEqual([{ hospital: 'east', answers: 2 }]);
    expect(await ws.query('select count(*)::integer as n from text_analyses where hospital is null')).toEqual([{ n: 0 }]);
    expect(await ws.query('select distinct hospital from quarantine')).toEqual([{ hospital: 'east' }]);
    expect(summary.records_in_warehouse).toEqual({ feedback: 3, survey: 1, total: 4 });
  });
});
