import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel } from '../../pipeline/db.ts';

/**
 * dim_term's template and issue-word rules on a fixture of the records and their terms, worked by hand.
 * zh: source `gov` has 100 issue-raising records (g1-g50 process, g51-g100 cost), source `hotline`
 * 200 (h1-h100 process, h101-h200 cost); P(process) = P(cost) = 150/300 = 0.5.
 *   已转  g1-g10 (process): 10% of gov, none elsewhere (0 ≤ 0.1/10): gov's template; lift 1/0.5 = 2,
 *         but a template names no issue.
 *   市民  g1-g60 and h1: 60% of gov, 1/200 = 0.5% elsewhere (≤ 6%): gov's template. For hotline it
 *         is 0.5% < 5%, no template there. Lift: 51 of 61 process, 0.836/0.5 = 1.67.
 *   排队  g1-g10, h1-h10 (process): 10% of gov but 5% elsewhere (> 1%); 5% of hotline but 10%
 *         elsewhere: no template. Lift 2: names an issue.
 *   孩子  g1-g5, g51-g55, h1-h5, h101-h105: half process, lift 1: narrates, no issue.
 *   收费  g51-g53 (cost): 3% of gov, under 5%: no template. Lift 2: names an issue.
 *   praise P1 in gov holds 排队 and is in no share (kind praise).
 * en: one source `pals` of 150 records holding `thank` in all: no other source, so no template;
 *   categories all process, so lift 1.
 */
let instance: DuckDBInstance;
let db: DuckDBConnection;

const ranges: [lang: string, source: string, prefix: string, from: number, to: number, category: string, kind: string][] = [
  ['zh', 'gov', 'g', 1, 50, 'process', 'complaint'],
  ['zh', 'gov', 'g', 51, 100, 'cost', 'complaint'],
  ['zh', 'hotline', 'h', 1, 100, 'process', 'complaint'],
  ['zh', 'hotline', 'h', 101, 200, 'cost', 'complaint'],
  ['en', 'pals', 'p', 1, 150, 'process', 'complaint'],
];
const terms: [term: string, source: string, prefix: string, from: number, to: number][] = [
  ['已转', 'gov', 'g', 1, 10],
  ['市民', 'gov', 'g', 1, 60],
  ['市民', 'hotline', 'h', 1, 1],
  ['排队', 'gov', 'g', 1, 10],
  ['排队', 'hotline', 'h', 1, 10],
  ['孩子', 'gov', 'g', 1, 5],
  ['孩子', 'gov', 'g', 51, 55],
  ['孩子', 'hotline', 'h', 1, 5],
  ['孩子', 'hotline', 'h', 101, 105],
  ['收费', 'gov', 'g', 51, 53],
  ['thank', 'pals', 'p', 1, 150],
];

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await db.run('create table fct_feedback (source varchar, id varchar, lang varchar, kind varchar, category varchar)');
  for (const [lang, source, prefix, from, to, category, kind] of ranges) {
    await db.run('insert into fct_feedback select $source, $prefix || i, $lang, $kind, $category from range($from, $to + 1) as r(i)', { lang, source, prefix, from, to, category, kind });
  }
  await db.run("insert into fct_feedback values ('gov', 'P1', 'zh', 'praise', null)");
  await db.run('create table record_terms (source varchar, id varchar, term varchar)');
  for (const [term, source, prefix, from, to] of terms) {
    await db.run('insert into record_terms select $source, $prefix || i, $term from range($from, $to + 1) as r(i)', { term, source, prefix, from, to });
  }
  await db.run("insert into record_terms values ('gov', 'P1', '排队')");
  // one hospital: a source is a hospital's
  await db.run("alter table fct_feedback add column hospital varchar default 'H'");
  await db.run("alter table record_terms add column hospital varchar default 'H'");
  // dim_term sums the term counts by month: every record in one month, counted as the run counts a
  // month it builds (int_term_month_counts), each term written as its own surface
  await db.run("alter table fct_feedback add column received_at timestamp default '2025-06-01 09:00'");
  await db.run('create table text_analyses as select hospital, source, id, list(term) as terms, list(term) as surfaces from record_terms group by all');
  await db.run("create table int_changed_periods as select 'feedback' as record_type, 'H' as hospital, 'month' as grain, '2025-06' as period");
  await runModel(db, 'intermediate/int_term_month_counts');
  await db.run('create table int_term_month_counts as from int_term_month_counts_changed');
  await runModel(db, 'marts/dim_term');
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

describe('dim_term', () => {
  it('learns each source’s template words from the data and keeps them and narrating words out of the issue words', async () => {
    const rows = await queryRows<{ lang: string; term: string; records: number; category_lift: number; template_source: string | null; names_issue: boolean }>(
      db,
      'select lang, term, records, category_lift, template_source, names_issue from dim_term order by lang, term',
    );
    const byTerm = Object.fromEntries(rows.map((row) => [row.term, row]));
    expect(byTerm['已转']).toMatchObject({ template_source: 'gov', names_issue: false });
    expect(byTerm['已转']!.category_lift).toBeCloseTo(2, 12);
    expect(byTerm['市民']).toMatchObject({ template_source: 'gov', names_issue: false });
    expect(byTerm['市民']!.category_lift).toBeCloseTo(51 / 61 / 0.5, 12);
    expect(byTerm['排队']).toMatchObject({ template_source: null, names_issue: true, records: 21 });
    expect(byTerm['孩子']).toMatchObject({ template_source: null, names_issue: false });
    expect(byTerm['孩子']!.category_lift).toBeCloseTo(1, 12);
    expect(byTerm['收费']).toMatchObject({ template_source: null, names_issue: true });
    expect(byTerm['thank']).toMatchObject({ template_source: null, names_issue: false });
  });
});
