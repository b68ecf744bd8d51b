// The early-warning cells' daily counts are kept between runs (int_alert_cell_days): a run counts
// again only the days whose complaints changed and the word cells of the words that entered or left
// the issue terms, and leaves the same counts as a count from scratch.
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryRows, setVariables } from '../../pipeline/db.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { detectSignals } from '../../pipeline/warnings/detector-warnings.ts';

interface Complaint {
  id: string;
  day: string;
  department: string | null;
  category: string | null;
  location?: string;
  kind?: string;
  terms: string[];
}

// one hospital's history: two departments, a place, words; a praise that counts nowhere
const HISTORY: Complaint[] = [
  { id: 'C1', day: '2025-06-02', department: '急诊科', category: 'process', location: '大厅', terms: ['排队', '大厅'] },
  { id: 'C2', day: '2025-06-03', department: '急诊科', category: null, terms: ['收费'] },
  { id: 'C3', day: '2025-06-05', department: '儿科', category: 'attitude', terms: ['态度', '排队'] },
  { id: 'P1', day: '2025-06-05', department: '儿科', category: null, kind: 'praise', terms: ['排队'] },
];

/** The tables the detect stage's counting reads (fct_feedback, text_analyses, dim_term), as the marts and text stages leave them. */
async function warehouse(complaints: readonly Complaint[], issueTerms: readonly string[]): Promise<DuckDBConnection> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`create table fct_feedback (hospital varchar, source varchar, id varchar, received_at timestamp, department varchar, category varchar, location varchar, lang varchar, kind varchar)`);
  await connection.run(`create table text_analyses (hospital varchar, source varchar, id varchar, content_hash ubigint, analyzer varchar, terms varchar[])`);
  await connection.run(`create table dim_term (lang varchar, term varchar, records integer, names_issue boolean)`);
  await write(connection, complaints, issueTerms);
  return connection;
}

/** Replaces the tables' rows: the warehouse after the next day's files and the marts built on them. */
async function write(connection: DuckDBConnection, complaints: readonly Complaint[], issueTerms: readonly string[]): Promise<void> {
  await connection.run('delete from fct_feedback; delete from text_analyses; delete from dim_term');
  for (const c of complaints) {
    const values = { id: c.id, at: `${c.day} 09:00`, department: c.department, category: c.category, location: c.location ?? null, kind: c.kind ?? 'complaint' };
    await connection.run(`insert into fct_feedback values ('east', 'hotline', $id, $at::timestamp, $department, $category, $location, 'zh', $kind)`, values);
    // the text's version follows its terms here, as a changed text's does
    await connection.run(`insert into text_analyses values ('east', 'hotline', $id, hash($terms), 'a1', string_split(nullif($terms, ''), ','))`, { id: c.id, terms: c.terms.join(',') });
  }
  for (const term of ['排队', '大厅', '收费', '态度']) {
    await connection.run(`insert into dim_term values ('zh', $term, 5, $issue)`, { term, issue: issueTerms.includes(term) });
  }
}

type Row = { cell: string; series_start: string; day: string; records: number };

async function counts(connection: DuckDBConnection): Promise<Row[]> {
  return queryRows<Row>(connection, "select cell, strftime(series_start, '%Y-%m-%d') as series_start, strftime(day, '%Y-%m-%d') as day, records from int_alert_cell_days order by all");
}

// the window judged starts on 16 June: complaints from 9 June on are listed whatever changed, those before only when counted again
const count = (connection: DuckDBConnection) => detectSignals(connection, modelsOfStep(connection, 'detect', 'detectSignals'), ['2025-06-16']);

let kept: DuckDBConnection;
beforeEach(async () => {
  kept = await warehouse(HISTORY, ['排队']);
  await count(kept);
});
afterEach(() => kept?.closeSync());

describe('the cells’ daily counts, kept between runs', () => {
  it('counts a history from scratch: each complaint in its cells, each series from its population’s first day', async () => {
    expect(await counts(kept)).toEqual([
      { cell: '["category","attitude"]', series_start: '2025-06-02', day: '2025-06-05', records: 1 },
      { cell: '["category","other"]', series_start: '2025-06-02', day: '2025-06-03', records: 1 },
      { cell: '["category","process"]', series_start: '2025-06-02', day: '2025-06-02', records: 1 },
      { cell: '["department","儿科","attitude"]', series_start: '2025-06-05', day: '2025-06-05', records: 1 },
      { cell: '["department","急诊科","other"]', series_start: '2025-06-02', day: '2025-06-03', records: 1 },
      { cell: '["department","急诊科","process"]', series_start: '2025-06-02', day: '2025-06-02', records: 1 },
      { cell: '["location","大厅"]', series_start: '2025-06-02', day: '2025-06-02', records: 1 },
      // the praise P1 holds 排队 too, and counts nowhere
      { cell: '["term","zh","排队"]', series_start: '2025-06-02', day: '2025-06-02', records: 1 },
      { cell: '["term","zh","排队"]', series_start: '2025-06-02', day: '2025-06-05', records: 1 },
    ]);
  });

  it('counts again only the changed days and the words in or out, and then holds what a count from scratch holds', async () => {
    // the next day: C4 new on 10 June, C3 moved to 急诊科, C0 received before the first complaint
    // (every hospital-wide series now starts on 30 May); 收费 became an issue word, 排队 no longer is
    const next: Complaint[] = [
      ...HISTORY.filter((c) => c.id !== 'C3'),
      { id: 'C3', day: '2025-06-05', department: '急诊科', category: 'attitude', terms: ['态度', '排队'] },
      { id: 'C4', day: '2025-06-10', department: '急诊科', category: 'process', location: '大厅', terms: ['收费'] },
      { id: 'C0', day: '2025-05-30', department: null, category: 'cost', terms: [] },
    ];
    // a day none of it touches is not counted again: its row, marked, stays as it was
    await kept.run(`update int_alert_cell_days set records = -1 where cell = '["location","大厅"]' and day = '2025-06-02'`);
    await write(kept, next, ['收费']);
    await count(kept);
    const rows = await counts(kept);
    expect(rows.find((row) => row.cell === '["location","大厅"]' && row.day === '2025-06-02')?.records).toBe(-1);
    // 收费 is counted on 3 June, a day nothing else changed; 排队 is gone from every day; 儿科 has no complaint left
    expect(rows.filter((row) => row.cell.startsWith('["term"'))).toEqual([
      { cell: '["term","zh","收费"]', series_start: '2025-05-30', day: '2025-06-03', records: 1 },
      { cell: '["term","zh","收费"]', series_start: '2025-05-30', day: '2025-06-10', records: 1 },
    ]);
    expect(rows.filter((row) => row.cell.includes('儿科'))).toEqual([]);
    expect(new Set(rows.filter((row) => !row.cell.startsWith('["department"')).map((row) => row.series_start))).toEqual(new Set(['2025-05-30']));

    await kept.run(`update int_alert_cell_days set records = 1 where records = -1`);
    const scratch = await warehouse(next, ['收费']);
    try {
      await count(scratch);
      expect(await counts(kept)).toEqual(await counts(scratch));
    } finally {
      scratch.closeSync();
    }
  });

  it('counts every day again when the counting rules changed (their SQL is in each day’s inputs)', async () => {
    await kept.run(`update int_alert_cell_days set records = -1; update int_alert_counted_days set inputs = 0`);
    await count(kept);
    expect((await counts(kept)).filter((row) => row.records !== 1)).toEqual([]);
  });

  it('lists only the cells asked for, from the day asked: a warning’s baseline, not every cell’s year', async () => {
    const listed = async (cells: readonly string[] | null) => {
      await setVariables(kept, { alert_records_from: '2025-06-01', alert_records_cells: cells === null ? null : listValue([...cells]) });
      await modelsOfStep(kept, 'detect', 'detectorWarnings').run('intermediate/int_alert_cell_records');
      return queryRows<{ cell: string; id: string }>(kept, 'select cell, id from int_alert_cell_records order by all');
    };
    // 急诊科's process complaints (C1) and the complaints holding 排队 (C1, C3; not the praise P1)
    expect(await listed(['["department","急诊科","process"]', '["term","zh","排队"]'])).toEqual([
      { cell: '["department","急诊科","process"]', id: 'C1' },
      { cell: '["term","zh","排队"]', id: 'C1' },
      { cell: '["term","zh","排队"]', id: 'C3' },
    ]);
    expect(await listed(['["location","大厅"]'])).toEqual([{ cell: '["location","大厅"]', id: 'C1' }]);
    // null: every cell of every complaint, the nine cell-days counted above
    expect(await listed(null)).toHaveLength(9);
  });
});
