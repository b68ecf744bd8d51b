import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel, setVariables } from '../../pipeline/db.ts';

/**
 * mart_praise and mart_praise_records on a hand-made fct_feedback (as of 2025-06-30).
 * 总院 Khoa Nhi, 2025-06: praise p1 (terms tận tình, bác sĩ), p2 (tận tình, điều dưỡng), p3 (tận tình,
 *   kính gửi: a template word, left out); a complaint c1 that does not count.
 * 总院 Khoa Sản, 2025-06: praise p4 (sạch sẽ). 2024-05: praise p0, older than the 12 months.
 * 分院 Khoa Nhi, 2025-06: praise q1 (bác sĩ): its own hospital.
 * Themes of 总院 Khoa Nhi 2025-06: tận tình 3, then bác sĩ 1 and điều dưỡng 1 by term; of 总院 ALL:
 * tận tình 3, then bác sĩ, sạch sẽ, điều dưỡng 1 each (by term, in code-unit order: đ is U+0111, after s).
 */
const records: [string, string, string, string, string, string[]][] = [
  ['总院', 'p1', 'Khoa Nhi', '2025-06-02', 'praise', ['tận tình', 'bác sĩ']],
  ['总院', 'p2', 'Khoa Nhi', '2025-06-03', 'praise', ['tận tình', 'điều dưỡng']],
  ['总院', 'p3', 'Khoa Nhi', '2025-06-04', 'praise', ['tận tình', 'kính gửi']],
  ['总院', 'c1', 'Khoa Nhi', '2025-06-05', 'complaint', ['tận tình']],
  ['总院', 'p4', 'Khoa Sản', '2025-06-06', 'praise', ['sạch sẽ']],
  ['总院', 'p0', 'Khoa Sản', '2024-05-06', 'praise', ['sạch sẽ']],
  ['分院', 'q1', 'Khoa Nhi', '2025-06-07', 'praise', ['bác sĩ']],
];

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // the columns int_feedback_months reads (category, channel and platform stay null) and text_redacted
  await connection.run('create table fct_feedback (hospital varchar, source varchar, id varchar, department varchar, lang varchar, received_at timestamp, kind varchar, text_redacted varchar, category varchar, channel varchar, platform varchar)');
  await connection.run('create table record_terms (hospital varchar, source varchar, id varchar, term varchar, surface varchar)');
  await connection.run('create table dim_term (lang varchar, term varchar, surface varchar, template_source varchar)');
  for (const [hospital, id, department, day, kind, terms] of records) {
    await connection.run("insert into fct_feedback (hospital, source, id, department, lang, received_at, kind, text_redacted) values ($hospital, 's', $id, $department, 'vi', $day::timestamp, $kind, $text)", { hospital, id, department, day, kind, text: `text ${id}` });
    for (const term of terms) await connection.run("insert into record_terms values ($hospital, 's', $id, $term, $term)", { hospital, id, term });
  }
  for (const term of ['tận tình', 'bác sĩ', 'điều dưỡng', 'sạch sẽ']) await connection.run("insert into dim_term values ('vi', $term, $surface, null)", { term, surface: term.toUpperCase() });
  await connection.run("insert into dim_term values ('vi', 'kính gửi', 'kính gửi', 'letters')");
  // each record's terms as the text stage keeps them: one list
  await connection.run('create table text_analyses as select hospital, source, id, list(term) as terms, list(surface) as surfaces from record_terms group by all');
  await setVariables(connection, { as_of: '2025-06-30' });
  await runModel(connection, 'intermediate/int_feedback_months');
  // every month's praise terms counted, as a run counts the months it builds (int_praise_term_months)
  await connection.run("create table int_changed_periods as select distinct 'feedback' as record_type, hospital, 'month' as grain, strftime(received_at, '%Y-%m') as period from fct_feedback");
  await runModel(connection, 'intermediate/int_praise_term_months');
  await connection.run('create table int_praise_term_months as from int_praise_term_months_changed');
  await runModel(connection, 'marts/mart_praise');
  await runModel(connection, 'marts/mart_praise_records');
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('mart_praise', () => {
  it('counts praise per hospital, department and month, ALL per hospital, with the month’s themes', async () => {
    const rows = await queryRows<{ hospital: string; department: string; month: string; praise: number; themes: string[] }>(
      connection,
      "select hospital, department, month, praise, themes from mart_praise where month = '2025-06'",
    );
    const sorted = (list: unknown[]) => list.map((r) => JSON.stringify(r)).sort();
    expect(sorted(rows)).toEqual(
      sorted([
        { hospital: '总院', department: 'Khoa Nhi', month: '2025-06', praise: 3, themes: ['TẬN TÌNH', 'BÁC SĨ', 'ĐIỀU DƯỠNG'] },
        { hospital: '总院', department: 'Khoa Sản', month: '2025-06', praise: 1, themes: ['SẠCH SẼ'] },
        { hospital: '总院', department: 'ALL', month: '2025-06', praise: 4, themes: ['TẬN TÌNH', 'BÁC SĨ', 'SẠCH SẼ', 'ĐIỀU DƯỠNG'] },
        { hospital: '分院', department: 'Khoa Nhi', month: '2025-06', praise: 1, themes: ['BÁC SĨ'] },
        { hospital: '分院', department: 'ALL', month: '2025-06', praise: 1, themes: ['BÁC SĨ'] },
      ]),
    );
  });
});

describe('mart_praise_records', () => {
  it('holds the praise of the 12 months to the as-of date with its redacted text and terms, template words left out', async () => {
    const rows = await queryRows<{ hospital: string; id: string; text_redacted: string; terms: string[] }>(connection, 'select hospital, id, text_redacted, terms from mart_praise_records order by hospital, id');
    expect(rows).toEqual([
      { hospital: '分院', id: 'q1', text_redacted: 'text q1', terms: ['bác sĩ'] },
      { hospital: '总院', id: 'p1', text_redacted: 'text p1', terms: ['bác sĩ', 'tận tình'] },
      { hospital: '总院', id: 'p2', text_redacted: 'text p2', terms: ['tận tình', 'điều dưỡng'] },
      { hospital: '总院', id: 'p3', text_redacted: 'text p3', terms: ['tận tình'] },
      { hospital: '总院', id: 'p4', text_redacted: 'text p4', terms: ['sạch sẽ'] },
    ]);
  });
});
