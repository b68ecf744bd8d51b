// int_mart_fingerprint (models/intermediate/int_mart_fingerprint.sql): what the incremental marts
// read besides their records. A changed survey definition changes it; the same definitions read
// from another folder (a warehouse used by another checkout or install) do not.
import { readFile } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MODELS = new URL('../../models/', import.meta.url);
const model = (name: string) => readFile(new URL(`${name}.sql`, MODELS), 'utf8');

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run("set variable mart_models = 'select 1'; set variable clock_stop_statuses = ['closed']");
  for (const name of ['ref_complaint_sla_raw', 'stg_response_limits', 'stg_holidays', 'ref_survey_form_sources', 'ref_survey_sections', 'ref_survey_items']) {
    await connection.run(`create table ${name} as select 1 as placeholder`);
  }
  await connection.run(await model('landing/ref_survey_forms'));
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function fingerprintWith(title: string, path: string): Promise<string> {
  await connection.run('delete from ref_survey_forms');
  await connection.run("insert into ref_survey_forms values ('moh_inpatient', $1, 'inpatient', false, 1, 0, $2)", [title, path]);
  await connection.run(await model('intermediate/int_mart_fingerprint'));
  const reader = await connection.runAndReadAll('select fingerprint from int_mart_fingerprint');
  return String(reader.getRowObjectsJS()[0]?.fingerprint);
}

describe('int_mart_fingerprint', () => {
  it('is the same for the same survey definitions read from another folder, and changes with a definition', async () => {
    const here = await fingerprintWith('Inpatient survey', '/srv/hearken/data/surveys/moh_inpatient.json');
    const moved = await fingerprintWith('Inpatient survey', '/home/qa/hearken-2/data/surveys/moh_inpatient.json');
    const retitled = await fingerprintWith('Inpatient satisfaction survey', '/srv/hearken/data/surveys/moh_inpatient.json');
    expect(moved).toBe(here);
    expect(retitled).not.toBe(here);
    expect(here).toMatch(/^[0-9a-f]{32}$/);
  });
});
