// A survey response's answers are a list on its row (survey_responses.answers); the view
// survey_answers has a row per answer. An older warehouse kept them in a table of one row per answer.
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

const SURVEY = [
  'response_id,submitted_at,department,patient_type,q_b2,q_a1,q_a2',
  'S1,2025-04-01,Khoa Nhi,inpatient,5, 4 ,',
  'S2,2025-04-02,Khoa Nhi,inpatient,,,',
  'S3,2025-04-03,Khoa Nhi,inpatient,2,3,1',
  // two answers out of range: the first by column name is the one reported
  'S4,2025-04-03,Khoa Nhi,inpatient,x,5,9',
].join('\n');

const answersOf = () =>
  ws.query<{ response_id: string; answers: string }>("select response_id, coalesce(list_sort(answers)::varchar, 'null') as answers from survey_responses order by response_id");

describe("a survey response's answers", () => {
  it('are a list on its row: a blank cell is no answer, a row of blanks answers nothing', async () => {
    await ws.write('survey.csv', SURVEY);
    const { summary } = await ws.run();
    expect(summary.files[0]).toMatchObject({ loaded: 3, quarantined: 1 });
    expect(await answersOf()).toEqual([
      { response_id: 'S1', answers: "[{'item_code': a1, 'score': 4}, {'item_code': b2, 'score': 5}]" },
      { response_id: 'S2', answers: '[]' },
      { response_id: 'S3', answers: "[{'item_code': a1, 'score': 3}, {'item_code': a2, 'score': 1}, {'item_code': b2, 'score': 2}]" },
    ]);
    expect(await ws.query('select column_name, reason, value from quarantine')).toEqual([{ column_name: 'q_a2', reason: 'answer_not_1_to_5', value: '9' }]);
    expect(await ws.query('select response_id, items_answered from fct_survey_response order by response_id')).toEqual([
      { response_id: 'S1', items_answered: 2 },
      { response_id: 'S2', items_answered: 0 },
      { response_id: 'S3', items_answered: 3 },
    ]);
    // the view: one row per answer
    expect(await ws.query('select response_id, item_code, score::integer as score from survey_answers order by response_id, item_code')).toEqual([
      { response_id: 'S1', item_code: 'a1', score: 4 },
      { response_id: 'S1', item_code: 'b2', score: 5 },
      { response_id: 'S3', item_code: 'a1', score: 3 },
      { response_id: 'S3', item_code: 'a2', score: 1 },
      { response_id: 'S3', item_code: 'b2', score: 2 },
    ]);
  });

  it('move from the table of an older warehouse into the lists once, every answer and figure kept', async () => {
    await ws.write('survey.csv', SURVEY);
    await ws.run();
    const counts = 'select * from mart_satisfaction_period_counts order by all';
    const before = await ws.query(counts);
    expect(before.length).toBeGreaterThan(0);
    // as an older hearken left it: a table of one row per answer, no list on the responses
    const instance = await DuckDBInstance.create(ws.db);
    const connection = await instance.connect();
    try {
      await connection.run('create table answers_table as select * from survey_answers; drop view survey_answers; alter table answers_table rename to survey_answers');
      await connection.run('alter table survey_responses drop column answers');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }

    const { summary } = await ws.run();
    expect(summary.files[0]).toMatchObject({ loaded: 0 });
    expect(await answersOf()).toEqual([
      { response_id: 'S1', answers: "[{'item_code': a1, 'score': 4}, {'item_code': b2, 'score': 5}]" },
      { response_id: 'S2', answers: '[]' },
      { response_id: 'S3', answers: "[{'item_code': a1, 'score': 3}, {'item_code': a2, 'score': 1}, {'item_code': b2, 'score': 2}]" },
    ]);
    expect(await ws.query("select count(*)::integer as tables from duckdb_tables() where table_name = 'survey_answers'")).toEqual([{ tables: 0 }]);
    expect(await ws.query(counts)).toEqual(before);
  });
});
