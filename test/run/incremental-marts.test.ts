// Incremental marts (pipeline/plan.ts, INCREMENTAL_MODELS by key, PARTITIONED_MODELS by period): a
// warehouse built day by day holds exactly what one built from every day at once holds, table by table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/config.ts';
import { queryRows, quoteIdentifier } from '../../pipeline/db.ts';
import { UPDATED_MODELS } from '../../pipeline/plan.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const FEEDBACK = 'source,id,received_at,department,category,kind,status,text,responded_at,resolved_at';
const SURVEY = 'source,response_id,submitted_at,department,patient_type,q_a1,q_b1,overall';

// Each file names its source, so that a later export's rows replace the earlier's (a record is
// (hospital, source, id); the source defaults to the file's name).
// Near-duplicate complaints (int_complaint_grievances): E7 and E8, W4 and W5 as changed on day two.
const QUEUE = '急诊科护士态度恶劣，候诊大厅空调坏了，患者排队等候三个小时没有人管';
const NOISE = '心内科病房晚上太吵，护工大声聊天，病人无法休息，投诉多次无人处理';

// The history: two hospitals, complaints given a category and not (inferred), praise, surveys;
// complaints E9 (a phone) and W5 that link to nothing yet.
const DAY_ONE: Record<string, string[]> = {
  'east/1-feedback.csv': [
    FEEDBACK,
    'hotline,E1,2025-06-02 09:00,急诊科,process,complaint,received,排队太久没人管,,',
    'hotline,E2,2025-06-03 10:00,急诊科,,complaint,handling,收费不合理多收了钱,2025-06-03 12:00,',
    'hotline,E3,2025-06-05 11:00,儿科,attitude,complaint,closed,护士态度很差,2025-06-05 12:00,2025-06-06 09:00',
    'hotline,E4,2025-06-10 08:30,儿科,,praise,,医生很耐心谢谢,,',
    `hotline,E7,2025-06-06 09:00,急诊科,,complaint,received,${QUEUE},,`,
    'hotline,E9,2025-06-11 09:00,急诊科,,complaint,received,上次投诉至今没有答复 电话13912345678,,',
  ],
  'west/1-feedback.csv': [
    FEEDBACK,
    'hotline,W1,2025-06-04 09:00,心内科,process,complaint,received,挂号排队两个小时,,',
    'hotline,W2,2025-06-11 15:00,心内科,facility,complaint,replied,厕所太脏,2025-06-12 09:00,',
    `hotline,W4,2025-06-05 20:00,心内科,,complaint,received,${NOISE},,`,
    'hotline,W5,2025-06-09 20:00,心内科,,complaint,received,药房取药窗口只开一个 等了一个小时,,',
  ],
  'east/1-survey.csv': [SURVEY, 'ward,R1,2025-06-03,儿科,inpatient,5,4,5', 'ward,R2,2025-06-09,急诊科,outpatient,2,3,2'],
};

// The next day: new records in both hospitals, a changed version of E1 (now resolved) and of R2,
// a row quarantined for its missing department, a new response, and R1 moved to another week (its
// old week's counts must lose it: the week is then empty). E8 comes late (received 8 June), with
// E7's text and E9's phone: a repeat of E7, and E9, unchanged, now a repeat of E8; W5's text
// changed to W4's with a word more: a repeat of W4.
const DAY_TWO: Record<string, string[]> = {
  'east/2-feedback.csv': [
    FEEDBACK,
    'hotline,E1,2025-06-02 09:00,急诊科,process,complaint,closed,排队太久没人管,2025-06-12 10:00,2025-06-13 09:00',
    'hotline,E5,2025-06-13 08:00,急诊科,,complaint,received,等了三个小时还没看上病,,',
    'hotline,E6,2025-06-13 09:00,,process,complaint,received,没有科室,,',
    `hotline,E8,2025-06-08 09:00,急诊科,,complaint,received,${QUEUE} 电话13912345678,,`,
  ],
  'west/2-feedback.csv': [
    FEEDBACK,
    'hotline,W3,2025-06-13 10:00,心内科,cost,complaint,received,检查费太贵,,',
    `hotline,W5,2025-06-09 20:00,心内科,,complaint,received,${NOISE}还是这样,,`,
  ],
  'east/2-survey.csv': [SURVEY, 'ward,R1,2025-06-12,儿科,inpatient,5,4,5', 'ward,R2,2025-06-09,急诊科,outpatient,3,3,3', 'ward,R3,2025-06-13,儿科,inpatient,4,5,4'],
};

// A third hospital writing English, for the high-frequency issues (a theme needs five records in a
// month): every month of 2025 to June, five complaints about queues (process) and five about parking
// (facility): a theme each. February also holds two records with "lift", one a process and one a
// facility complaint: a word of both categories alike, which names no issue (lift 1 < 1.5).
const QUEUES = [
  'Waited two hours in the queue at registration',
  'The queue at the pharmacy was far too long',
  'Long queue and nobody called my number',
  'The queue at the cashier moved very slowly',
  'Stood in the queue for an hour before seeing anyone',
];
const PARKING = ['No parking space near the entrance', 'Parking is full every morning', 'Could not find parking for an hour', 'The parking fee is too high', 'Parking spaces taken by staff cars'];
const NORTH_MONTHS = ['01', '02', '03', '04', '05', '06'];
const northRecord = (id: string, day: string, category: string, text: string) => `web,${id},2025-${day} 09:00,Outpatients,${category},complaint,received,${text},,`;
DAY_ONE['north/1-feedback.csv'] = [
  FEEDBACK,
  ...NORTH_MONTHS.flatMap((month) => [
    ...QUEUES.map((text, i) => northRecord(`Q${month}${i}`, `${month}-0${i + 1}`, 'process', text)),
    ...PARKING.map((text, i) => northRecord(`P${month}${i}`, `${month}-0${i + 1}`, 'facility', text)),
  ]),
  northRecord('L1', '02-10', 'process', 'Took the lift to the wrong floor'),
  northRecord('L2', '02-11', 'facility', 'The lift smelled of smoke'),
];
// and on the next day a complaint of January, late: January and the three months after it are
// computed again, May is kept (June is computed again for its new day)
DAY_TWO['north/2-feedback.csv'] = [FEEDBACK, northRecord('Q01late', '01-20', 'process', 'The queue for blood tests was endless')];

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
// them: when and in which run each file was read (and what its file system said of it then), in which run each warning was raised first, what
// the last run built again, each warehouse's random salt, the text statistics, learned again
// only once a language's records have doubled (the terms they give are compared in text_analyses),
// and the files the last run's site holds (their inodes; their rows are compared as the exports)
// and the charts it shows (a warning's among them, as the run history raised it).
const RUN_HISTORY = ['ingested_files', 'input_file_stats', 'warning_log', 'int_changed_records', 'warehouse_secrets', 'learned_text_statistics', 'published_partitions', 'published_charts'];

// the two hospitals whose complaints are written to link (north's parking and queue themes repeat by design)
const REPEATS = "select hospital, id, parent_id, linked_by from int_complaint_grievances where is_repeat and hospital in ('east', 'west') order by hospital, id";

/** Runs `sql` on the warehouse file `db` (no run holds it): a mark a later run must keep or replace. */
async function changeWarehouse(db: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

let daily: Workspace;
let atOnce: Workspace;
let repeatsOnDayOne: unknown[];
beforeAll(async () => {
  daily = await createWorkspace();
  atOnce = await createWorkspace();
  await writeDay(daily, DAY_ONE);
  await daily.run({ asOf: '2025-06-12' });
  repeatsOnDayOne = await daily.query(REPEATS);
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
      { record_type: 'feedback', hospital: 'east', id: 'E8' },
      { record_type: 'feedback', hospital: 'north', id: 'Q01late' },
      { record_type: 'feedback', hospital: 'west', id: 'W3' },
      { record_type: 'feedback', hospital: 'west', id: 'W5' },
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
    // north's January was counted again with its late complaint: queue in the five of day one and Q01late
    expect(await daily.query("select sum(records)::integer as records from int_term_month_counts where hospital = 'north' and month = '2025-01' and term = 'queue'")).toEqual([{ records: 6 }]);
  });

  it('link a late complaint into the past, and the unchanged complaint after it to it; a changed one to an earlier', async () => {
    expect(repeatsOnDayOne).toEqual([]);
    expect(await daily.query(REPEATS)).toEqual([
      { hospital: 'east', id: 'E8', parent_id: 'E7', linked_by: 'text' },
      { hospital: 'east', id: 'E9', parent_id: 'E8', linked_by: 'contact' },
      { hospital: 'west', id: 'W5', parent_id: 'W4', linked_by: 'text' },
    ]);
  });

  it('leave every table as a warehouse built from both days at once holds it', async () => {
    const names = await relations(daily);
    expect(names).toEqual(await relations(atOnce));
    expect(names).toEqual(
      expect.arrayContaining(['fct_feedback', 'fct_survey_response', 'int_complaint_deadlines', 'int_complaint_grievances', 'mart_repeat_complaints', 'mart_satisfaction_period_counts', 'int_satisfaction_respondents', 'mart_satisfaction_measure_counts', 'mart_satisfaction_modes', 'export_feedback', 'mart_complaint_kpis', 'quarantine', 'int_term_month_counts', 'int_praise_term_months', 'int_satisfaction_answered_items', 'dim_term', 'mart_praise']),
    );
    expect(await differing(daily.db, atOnce.db, names.filter((relation) => !RUN_HISTORY.includes(relation)))).toEqual([]);
  });

  it('build nothing again on a run with nothing new, and everything when the marts were built under other rules', async () => {
    const ws = await daily.copy();
    try {
      // a partition no record of the run touches is not computed again: its rows stay as they were
      // (the week of 2025-06-09, marked here)
      const mark = (sql: string) => changeWarehouse(ws.db, sql);
      await mark("update mart_satisfaction_period_counts set responses = -1 where grain = 'week' and period = '2025-06-09'");
      await mark("update int_term_month_counts set records = -1 where hospital = 'north' and month = '2025-03'");
      await ws.run({ asOf: '2025-06-13' });
      expect(await ws.query("select distinct records from int_term_month_counts where hospital = 'north' and month = '2025-03'")).toEqual([{ records: -1 }]);
      expect(await ws.query('select * from int_changed_records')).toEqual([]);
      expect(await ws.query("select distinct responses from mart_satisfaction_period_counts where grain = 'week' and period = '2025-06-09'")).toEqual([{ responses: -1 }]);
      // as a changed model, SLA, holiday, clock rule or survey definition leaves it: the fingerprint is not this run's
      await mark("update int_record_versions set fingerprint = 'other rules'");
      await ws.run({ asOf: '2025-06-13' });
      const [counts] = await ws.query<{ changed: number; records: number }>(
        "select (select count(*) from int_changed_records)::integer as changed, ((select count(*) from feedback_records) + (select count(*) from survey_responses))::integer as records",
      );
      expect(counts).toEqual({ changed: 79, records: 79 });
      expect(await differing(ws.db, atOnce.db, ['fct_feedback', 'fct_survey_response', 'int_complaint_deadlines', 'mart_satisfaction_response_forms', 'mart_satisfaction_period_counts', 'int_satisfaction_respondents', 'int_complaint_grievances', 'int_term_month_counts', 'int_praise_term_months', 'int_satisfaction_answered_items'])).toEqual([]);
    } finally {
      await ws.dispose();
    }
  }, 600_000);
});

describe('the high-frequency issues on the next day', () => {
  it('are the themes of every month of 2025, January counting its late complaint', async () => {
    const rows = await daily.query<{ month: string; rank: number; anchor_term: string; records: number; previous_month_records: number; days: number }>(
      "select month, rank, anchor_term, records, previous_month_records, days from mart_high_frequency_issues where hospital = 'north' order by month, rank",
    );
    // five records each, but January's queues (six): a tie ranks by the anchor's name; June runs to the as-of date
    expect(rows.map((row) => [row.month, row.rank, row.anchor_term, row.records, row.previous_month_records, row.days])).toEqual([
      ['2025-01', 1, 'queue', 6, 0, 31],
      ['2025-01', 2, 'park', 5, 0, 31],
      ['2025-02', 1, 'park', 5, 5, 28],
      ['2025-02', 2, 'queue', 5, 6, 28],
      ['2025-03', 1, 'park', 5, 5, 31],
      ['2025-03', 2, 'queue', 5, 5, 31],
      ['2025-04', 1, 'park', 5, 5, 30],
      ['2025-04', 2, 'queue', 5, 5, 30],
      ['2025-05', 1, 'park', 5, 5, 31],
      ['2025-05', 2, 'queue', 5, 5, 31],
      ['2025-06', 1, 'park', 5, 5, 13],
      ['2025-06', 2, 'queue', 5, 5, 13],
    ]);
    // April's queues against the three months before: (5 + 5 + 6) / 3 a month, 16 / (31 + 28 + 31) a day
    const [april] = await daily.query<{ mean_previous_3_months: number; previous_3_months_per_day: number; records_per_day: number }>(
      "select mean_previous_3_months, previous_3_months_per_day, records_per_day from mart_high_frequency_issues where hospital = 'north' and month = '2025-04' and anchor_term = 'queue'",
    );
    expect(april!.mean_previous_3_months).toBeCloseTo(16 / 3, 12);
    expect(april!.previous_3_months_per_day).toBeCloseTo(16 / 90, 12);
    expect(april!.records_per_day).toBeCloseTo(5 / 30, 12);
  });

  // every stored row of the copy marked: a month computed again loses its marks
  const marking = async () => {
    const ws = await daily.copy();
    const mark = () => changeWarehouse(ws.db, 'update mart_high_frequency_issues set records = -abs(records)');
    const computedAgain = async () =>
      (await ws.query<{ month: string }>("select distinct month from mart_high_frequency_issues where hospital = 'north' and records > 0 order by month")).map((row) => row.month);
    await mark();
    return { ws, mark, computedAgain };
  };

  it('are computed again for a late record\'s month and the three after it, and for nothing on a run with nothing new', async () => {
    const { ws, computedAgain } = await marking();
    try {
      await ws.run({ asOf: '2025-06-13' });
      expect(await computedAgain()).toEqual([]);
      await ws.write('north/3-feedback.csv', [FEEDBACK, northRecord('Q02late', '02-20', 'process', 'Another long queue at the lab')].join('\n'));
      await ws.run({ asOf: '2025-06-13' });
      expect(await computedAgain()).toEqual(['2025-02', '2025-03', '2025-04', '2025-05']);
      // the step reads a month at a time: February counts January (not computed again, read as
      // term lists only: its 6 queues with day two's late one) and December 2024 (none) as 0;
      // March to May count February from the month read whole before them (5 + 1 late): the three
      // months before March hold 6 + 6 + 0 queues, April's 5 + 6 + 6, May's 5 + 5 + 6
      const queues = await ws.query<{ month: string; records: number; previous_month_records: number; mean_previous_3_months: number }>(
        "select month, records, previous_month_records, mean_previous_3_months from mart_high_frequency_issues where hospital = 'north' and anchor_term = 'queue' and month between '2025-02' and '2025-05' order by month",
      );
      expect(queues.map((row) => [row.month, row.records, row.previous_month_records, Math.round(row.mean_previous_3_months * 3)])).toEqual([
        ['2025-02', 6, 6, 6],
        ['2025-03', 5, 6, 12],
        ['2025-04', 5, 5, 17],
        ['2025-05', 5, 5, 16],
      ]);
    } finally {
      await ws.dispose();
    }
  }, 600_000);

  it('are computed again for a month where a word came to name an issue', async () => {
    const { ws, computedAgain } = await marking();
    try {
      // "lift" in four facility complaints of June: it now leans to facility (5 of its 6 records,
      // lift 1.5 or more) and names an issue; February holds it, June has new records
      await ws.write('north/3-feedback.csv', [FEEDBACK, ...[1, 2, 3, 4].map((i) => northRecord(`L6${i}`, '06-1' + i, 'facility', 'The lift is broken again'))].join('\n'));
      await ws.run({ asOf: '2025-06-13' });
      expect(await ws.query("select names_issue from dim_term where lang = 'en' and term = 'lift'")).toEqual([{ names_issue: true }]);
      expect(await computedAgain()).toEqual(['2025-02', '2025-06']);
    } finally {
      await ws.dispose();
    }
  }, 600_000);

  it('are computed again for every month under other code or SQL of the step (its fingerprint is in every month\'s), with the mart gone, or written by older code', async () => {
    const { ws, mark, computedAgain } = await marking();
    try {
      await changeWarehouse(ws.db, "update int_issue_month_versions set fingerprint = 'other rules'");
      await ws.run({ asOf: '2025-06-13' });
      expect(await computedAgain()).toEqual(NORTH_MONTHS.map((month) => `2025-${month}`));
      await mark();
      await changeWarehouse(ws.db, 'drop table mart_high_frequency_issues');
      await ws.run({ asOf: '2025-06-13' });
      expect(await computedAgain()).toEqual(NORTH_MONTHS.map((month) => `2025-${month}`));
      // a hearken from before the month versions writes the mart whole and leaves the versions
      // (here: its rows the marked ones, the versions those of this code's last run)
      await mark();
      await changeWarehouse(ws.db, 'create temp table written as from mart_high_frequency_issues; create or replace table mart_high_frequency_issues as from written');
      await ws.run({ asOf: '2025-06-13' });
      expect(await computedAgain()).toEqual(NORTH_MONTHS.map((month) => `2025-${month}`));
    } finally {
      await ws.dispose();
    }
  }, 600_000);
});

describe('what an incremental or partitioned mart may read', () => {
  it('no run variable but those int_mart_fingerprint holds: never the as-of date, so another as-of needs no whole rebuild', () => {
    for (const model of UPDATED_MODELS) {
      const sql = readFileSync(join(PROJECT_ROOT, 'models', `${model}.sql`), 'utf8');
      const variables = [...sql.matchAll(/getvariable\('([^']+)'\)/g)].map((match) => match[1]);
      // a trailing model's slice and slice size cut the work only, never its rows (plan.ts, TRAILING_MODELS)
      expect(variables.filter((name) => !['clock_stop_statuses', 'slice', 'slice_rows'].includes(name ?? '')), model).toEqual([]);
    }
  });
});
