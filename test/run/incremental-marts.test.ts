// Incremental marts (pipeline/plan.ts, INCREMENTAL_MODELS by key, PARTITIONED_MODELS by period): a
// warehouse built day by day holds exactly what one built from every day at once holds, table by table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/config.ts';
import { queryRows, quoteIdentifier } from '../../pipeline/db.ts';
import { INCREMENTAL_MODELS, PARTITIONED_MODELS } from '../../pipeline/plan.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const FEEDBACK = 'source,id,received_at,department,category,kind,status,text,responded_at,resolved_at';
const SURVEY = 'source,response_id,submitted_at,department,patient_type,q_a1,q_b1,overall';

// Each file names its source, so that a later export's rows replace the earlier's (a record is
// (hospital, source, id); the source defaults to the file's name).
// The history: two hospitals, complaints given a category and not (inferred), praise, surveys.
const DAY_ONE = {
  'east/1-feedback.csv': [
    FEEDBACK,
    'hotline,E1,2025-06-02 09:00,急诊科,process,complaint,received,排队太久没人管,,',
    'hotline,E2,2025-06-03 10:00,急诊科,,complaint,handling,收费不合理多收了钱,2025-06-03 12:00,',
    'hotline,E3,2025-06-05 11:00,儿科,attitude,complaint,closed,护士态度很差,2025-06-05 12:00,2025-06-06 09:00',
    'hotline,E4,2025-06-10 08:30,儿科,,praise,,医生很耐心谢谢,,',
  ],
  'west/1-feedback.csv': [
    FEEDBACK,
    'hotline,W1,2025-06-04 09:00,心内科,process,complaint,received,挂号排队两个小时,,',
    'hotline,W2,2025-06-11 15:00,心内科,facility,complaint,replied,厕所太脏,2025-06-12 09:00,',
  ],
  'east/1-survey.csv': [SURVEY, 'ward,R1,2025-06-03,儿科,inpatient,5,4,5', 'ward,R2,2025-06-09,急诊科,outpatient,2,3,2'],
};

// The next day: new records in both hospitals, a changed version of E1 (now resolved) and of R2,
// a row quarantined for its missing department, a new response, and R1 moved to another week (its
// old week's counts must lose it: the week is then empty).
const DAY_TWO = {
  'east/2-feedback.csv': [
    FEEDBACK,
    'hotline,E1,2025-06-02 09:00,急诊科,process,complaint,closed,排队太久没人管,2025-06-12 10:00,2025-06-13 09:00',
    'hotline,E5,2025-06-13 08:00,急诊科,,complaint,received,等了三个小时还没看上病,,',
    'hotline,E6,2025-06-13 09:00,,process,complaint,received,没有科室,,',
  ],
  'west/2-feedback.csv': [FEEDBACK, 'hotline,W3,2025-06-13 10:00,心内科,cost,complaint,received,检查费太贵,,'],
  'east/2-survey.csv': [SURVEY, 'ward,R1,2025-06-12,儿科,inpatient,5,4,5', 'ward,R2,2025-06-09,急诊科,outpatient,3,3,3', 'ward,R3,2025-06-13,儿科,inpatient,4,5,4'],
};

async function writeDay(ws: Workspace, files: Record<string, string[]>): Promise<void> {
  for (const [path, lines] of Object.entries(files)) await ws.write(path, lines.join('\n'));
}

/** The tables and views of a warehouse's main schema. */
async function relations(ws: Workspace): Promise<string[]> {
  const rows = await ws.query<{ name: string }>(
    "select table_name as name from duckdb_tables() where schema_name = 'main' union select view_name from duckdb_views() where schema_name = 'main' and not internal order by 1",
  );
  return rows.map((row) => row.name);
}

/**
 * Columns that the run history decides: the number of the reading a row came from (files are read
 * in another order when all days come at once), when a file was read, and a contact's
 * hash, salted by each warehouse's own random salt.
 */
const HISTORY_COLUMNS = ['file_id', 'read_at', 'contact_hash'];

/**
 * The relations of `names` that hold rows in one warehouse and not (as many times) in the other,
 * both ways, but for HISTORY_COLUMNS; every value as text, so that the two files' enum types compare.
 */
async function differing(a: string, b: string, names: readonly string[]): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`attach '${a}' as a (read_only)`);
    await connection.run(`attach '${b}' as b (read_only)`);
    const values = `columns(c -> not list_contains(${JSON.stringify(HISTORY_COLUMNS).replaceAll('"', "'")}, c))::varchar`;
    const found: string[] = [];
    for (const relation of names) {
      const name = quoteIdentifier(relation);
      const [row] = await queryRows<{ rows: number }>(
        connection,
        `select (select count(*) from (select ${values} from a.main.${name} except all select ${values} from b.main.${name}))
              + (select count(*) from (select ${values} from b.main.${name} except all select ${values} from a.main.${name})) as rows`,
      );
      if (row?.rows !== 0) found.push(relation);
    }
    return found;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// Tables the run history (not the data) decides, so two warehouses with one history each differ in
// them: when and in which run each file was read, in which run each warning was raised first, what
// the last run built again, each warehouse's random salt, the text statistics, learned again
// only once a language's records have doubled (the terms they give are compared in text_analyses),
// and the files the last run's site holds (their inodes; their rows are compared as the exports).
const RUN_HISTORY = ['ingested_files', 'warning_log', 'int_changed_records', 'warehouse_secrets', 'learned_text_statistics', 'published_partitions'];

let daily: Workspace;
let atOnce: Workspace;
beforeAll(async () => {
  daily = await createWorkspace();
  atOnce = await createWorkspace();
  await writeDay(daily, DAY_ONE);
  await daily.run({ asOf: '2025-06-12' });
  await writeDay(daily, DAY_TWO);
  await daily.run({ asOf: '2025-06-13' });
  await writeDay(atOnce, DAY_ONE);
  await writeDay(atOnce, DAY_TWO);
  await atOnce.run({ asOf: '2025-06-13' });
}, 600_000);
afterAll(async () => {
  await daily?.dispose();
  await atOnce?.dispose();
});

describe('incremental marts', () => {
  it('build on the next day only the records new or changed since the day before', async () => {
    const changed = await daily.query<{ record_type: string; hospital: string; id: string }>('select record_type, hospital, id from int_changed_records order by all');
    expect(changed).toEqual([
      { record_type: 'feedback', hospital: 'east', id: 'E1' },
      { record_type: 'feedback', hospital: 'east', id: 'E5' },
      { record_type: 'feedback', hospital: 'west', id: 'W3' },
      { record_type: 'survey', hospital: 'east', id: 'R1' },
      { record_type: 'survey', hospital: 'east', id: 'R2' },
      { record_type: 'survey', hospital: 'east', id: 'R3' },
    ]);
    const [e1] = await daily.query<{ status: string; resolved: boolean; rows: number }>(
      "select any_value(status) as status, any_value(resolved_at is not null) as resolved, count(*)::integer as rows from fct_feedback where hospital = 'east' and id = 'E1'",
    );
    expect(e1).toEqual({ status: 'closed', resolved: true, rows: 1 });
    // R1's old week held only R1: its partition was computed again, and is gone
    expect(await daily.query("select count(*)::integer as rows from mart_satisfaction_period_counts where grain = 'week' and period = '2025-06-02'")).toEqual([{ rows: 0 }]);
  });

  it('leave every table as a warehouse built from both days at once holds it', async () => {
    const names = await relations(daily);
    expect(names).toEqual(await relations(atOnce));
    expect(names).toEqual(
      expect.arrayContaining(['fct_feedback', 'fct_survey_response', 'int_complaint_deadlines', 'mart_satisfaction_period_counts', 'int_satisfaction_respondents', 'mart_satisfaction_measure_counts', 'mart_satisfaction_modes', 'export_feedback', 'mart_complaint_kpis', 'quarantine']),
    );
    expect(await differing(daily.db, atOnce.db, names.filter((relation) => !RUN_HISTORY.includes(relation)))).toEqual([]);
  });

  it('build nothing again on a run with nothing new, and everything when the marts were built under other rules', async () => {
    const ws = await daily.copy();
    try {
      // a partition no record of the run touches is not computed again: its rows stay as they were
      // (the week of 2025-06-09, marked here)
      const mark = async (sql: string) => {
        const instance = await DuckDBInstance.create(ws.db);
        const connection = await instance.connect();
        await connection.run(sql);
        connection.closeSync();
        instance.closeSync();
      };
      await mark("update mart_satisfaction_period_counts set responses = -1 where grain = 'week' and period = '2025-06-09'");
      await ws.run({ asOf: '2025-06-13' });
      expect(await ws.query('select * from int_changed_records')).toEqual([]);
      expect(await ws.query("select distinct responses from mart_satisfaction_period_counts where grain = 'week' and period = '2025-06-09'")).toEqual([{ responses: -1 }]);
      // as a changed model, SLA, holiday, clock rule or survey definition leaves it: the fingerprint is not this run's
      await mark("update int_record_versions set fingerprint = 'other rules'");
      await ws.run({ asOf: '2025-06-13' });
      const [counts] = await ws.query<{ changed: number; records: number }>(
        "select (select count(*) from int_changed_records)::integer as changed, ((select count(*) from feedback_records) + (select count(*) from survey_responses))::integer as records",
      );
      expect(counts).toEqual({ changed: 11, records: 11 });
      expect(await differing(ws.db, atOnce.db, ['fct_feedback', 'fct_survey_response', 'int_complaint_deadlines', 'mart_satisfaction_response_forms', 'mart_satisfaction_period_counts', 'int_satisfaction_respondents'])).toEqual([]);
    } finally {
      await ws.dispose();
    }
  }, 600_000);
});

describe('what an incremental or partitioned mart may read', () => {
  it('no run variable but those int_mart_fingerprint holds: never the as-of date, so another as-of needs no whole rebuild', () => {
    for (const model of Object.keys({ ...INCREMENTAL_MODELS, ...PARTITIONED_MODELS })) {
      const sql = readFileSync(join(PROJECT_ROOT, 'models', `${model}.sql`), 'utf8');
      const variables = [...sql.matchAll(/getvariable\('([^']+)'\)/g)].map((match) => match[1]);
      expect(variables.filter((name) => name !== 'clock_stop_statuses'), model).toEqual([]);
    }
  });
});
