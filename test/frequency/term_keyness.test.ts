import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, setVariables } from '../../pipeline/db.ts';
import { buildTermKeyness } from '../../pipeline/frequency/stage.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';

/**
 * mart_term_keyness states one threshold (G² ≥ 10.83, Log Ratio ≥ 1, 3 recent records) and every
 * row meets it. As of 2025-06-30, department 急诊科: 400 records in the recent window (10 June) and
 * 100 in the baseline (15 January). Worked by hand on the documents-with/without table:
 *   突然 in 40 recent, 0 baseline: [40, 360; 0, 100], expected 32, 368, 8, 92;
 *     G² = 2 (40 ln 40/32 + 360 ln 360/368 + 100 ln 100/92) = 18.703; Log Ratio log2(0.1 / 0.005) = 4.322.
 *     Kept, marked new.
 *   偶然 in 3 recent, 0 baseline: new to the baseline, but [3, 397; 0, 100] gives
 *     G² = 2 (3 ln 3/2.4 + 397 ln 397/397.6 + 100 ln 100/99.4) = 1.343 < 10.83: not kept.
 *   来电 in every recent record, none before: a rise far past the threshold, but it is a source's
 *     template (dim_term.template_source), so it is no emerging term.
 */
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await setVariables(db, { as_of: '2025-06-30' });
  await db.run('create table fct_feedback (hospital varchar default \'H\', source varchar, id varchar, lang varchar, kind varchar, department varchar, received_at timestamp)');
  await db.run("insert into fct_feedback (source, id, lang, kind, department, received_at) select 'hotline', 'r' || i, 'zh', 'complaint', '急诊科', timestamp '2025-06-10 09:00' from range(1, 401) as t(i)");
  await db.run("insert into fct_feedback (source, id, lang, kind, department, received_at) select 'hotline', 'b' || i, 'zh', 'complaint', '急诊科', timestamp '2025-01-15 09:00' from range(1, 101) as t(i)");
  await db.run('create table record_terms (hospital varchar default \'H\', source varchar, id varchar, term varchar)');
  await db.run("insert into record_terms (source, id, term) select 'hotline', 'r' || i, '突然' from range(1, 41) as t(i)");
  await db.run("insert into record_terms (source, id, term) select 'hotline', 'r' || i, '偶然' from range(1, 4) as t(i)");
  await db.run("insert into record_terms (source, id, term) select 'hotline', 'r' || i, '来电' from range(1, 401) as t(i)");
  // each record's terms as the text stage keeps them: one list
  await db.run('create table text_analyses as select hospital, source, id, list(term) as terms from record_terms group by all');
  await db.run(
    "create table dim_term as select * from (values ('zh', '突然', '突然', null), ('zh', '偶然', '偶然', null), ('zh', '来电', '来电', 'gov')) as t(lang, term, surface, template_source)",
  );
  await buildTermKeyness(db, modelsOfStep(db, 'frequency', 'termKeyness'));
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

describe('buildTermKeyness', () => {
  it('keeps only rises that meet the stated threshold, new terms included', async () => {
    const rows = await queryRows<{ scope: string; term: string; g2: number; log_ratio: number; emergence: string | null }>(
      db,
      'select scope, term, g2, log_ratio, emergence from mart_term_keyness order by scope',
    );
    expect(rows.map((row) => [row.scope, row.term, row.emergence])).toEqual([
      ['ALL', '突然', 'new'],
      ['急诊科', '突然', 'new'],
    ]);
    for (const row of rows) {
      expect(row.g2).toBeCloseTo(18.703, 3);
      expect(row.log_ratio).toBeCloseTo(Math.log2(20), 12);
    }
  });
});
