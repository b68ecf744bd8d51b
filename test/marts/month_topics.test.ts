import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel, setVariables } from '../../pipeline/db.ts';

/**
 * mart_month_topics for March 2026 (as of 31 Mar) in hospital H, worked by hand:
 *   排队: a theme in Dec, Feb and Mar (Sep is before the 6 months Oct..Mar) → 3 months; 6 records in
 *     March, 4 from 门诊部 and 2 from 急诊科 (2 departments), 3 of them quality (0.5):
 *     score 3 × 6 × √2 × 1.5 = 38.18; trend Feb 2, Mar 6 (a praise in March is not counted).
 *   停车: March only, 10 records, one department, no quality: 1 × 10 × 1 × 1 = 10.
 *   态度: Feb and Mar, 5 records, one department: 2 × 5 × 1 × 1 = 10, its fix of 15 Jan did not
 *     lower complaints (not_fallen at the end of March), so it stays, flagged; ranked after 停车,
 *     which has more records at the same score.
 *   收费: Jan..Mar, 8 records → 24, but fixed on 1 Feb and its complaints fell by the end of March: left out.
 */
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await setVariables(db, { as_of: '2026-03-31' });
  await db.run(`create table mart_high_frequency_issues as
    select 'H' as hospital, month, 'zh' as lang, theme, theme as anchor_term, records, ['部 (1)'] as departments, ['窗口 (1)'] as locations, ['引文'] as quotes
    from (values
      ('2025-09', '排队', 7), ('2025-12', '排队', 5), ('2026-02', '排队', 5), ('2026-03', '排队', 6),
      ('2026-03', '停车', 10), ('2026-02', '态度', 5), ('2026-03', '态度', 5),
      ('2026-01', '收费', 8), ('2026-02', '收费', 8), ('2026-03', '收费', 8)
    ) as t(month, theme, records)`);
  await db.run(`create table fct_record_terms as
    select 'H' as hospital, 'zh' as lang, term, kind, received_at::timestamp as received_at, department, category
    from (values
      ('排队', 'complaint', '2026-02-03', '门诊部', 'process'), ('排队', 'complaint', '2026-02-10', '门诊部', 'process'),
      ('排队', 'complaint', '2026-03-02', '门诊部', 'quality'), ('排队', 'complaint', '2026-03-03', '门诊部', 'quality'),
      ('排队', 'complaint', '2026-03-04', '门诊部', 'process'), ('排队', 'complaint', '2026-03-05', '门诊部', 'process'),
      ('排队', 'complaint', '2026-03-06', '急诊科', 'quality'), ('排队', 'complaint', '2026-03-07', '急诊科', 'process'),
      ('排队', 'praise', '2026-03-08', '儿科', 'quality')
    ) as t(term, kind, received_at, department, category)
    union all select 'H', 'zh', '停车', 'complaint', timestamp '2026-03-01' + to_days(i::integer), '保卫处', 'facility' from range(10) as r(i)
    union all select 'H', 'zh', '态度', 'complaint', timestamp '2026-03-01' + to_days(i::integer), '药剂科', 'attitude' from range(5) as r(i)
    union all select 'H', 'zh', '收费', 'complaint', timestamp '2026-03-01' + to_days(i::integer), '财务科', 'cost' from range(8) as r(i)`);
  await db.run(`create table mart_fix_reviews as
    select 'H' as hospital, fixed_on::date as fixed_on, reviewed_on::date as reviewed_on, keywords, verdict
    from (values
      ('2026-02-01', '2026-02-28', ['收费'], 'too_soon'), ('2026-02-01', '2026-03-31', ['收费'], 'fell'),
      ('2026-01-15', '2026-03-31', ['态度', '语气'], 'not_fallen')
    ) as t(fixed_on, reviewed_on, keywords, verdict)`);
  await runModel(db, 'marts/mart_month_topics');
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

describe('mart_month_topics', () => {
  it('proposes the recurring, widespread, serious issue not already being fixed', async () => {
    const rows = await queryRows<{ rank: number; theme: string; months_recurring: number; records: number; departments_touched: number; quality_share: number; score: number; earlier_fix_failed: boolean }>(
      db,
      "select rank, theme, months_recurring, records, departments_touched, quality_share, score, earlier_fix_failed from mart_month_topics where month = '2026-03' order by rank",
    );
    expect(rows.map((row) => [row.rank, row.theme, row.months_recurring, row.records, row.departments_touched, row.quality_share, row.earlier_fix_failed])).toEqual([
      [1, '排队', 3, 6, 2, 0.5, false],
      [2, '停车', 1, 10, 1, 0, false],
      [3, '态度', 2, 5, 1, 0, true],
    ]);
    expect(rows[0]!.score).toBeCloseTo(27 * Math.SQRT2, 10);
    expect(rows.slice(1).map((row) => row.score)).toEqual([10, 10]);
  });

  it('gives the trend of the anchor month by month, praise left out', async () => {
    const [row] = await queryRows<{ trend: { month: string; records: number }[] }>(db, "select trend from mart_month_topics where month = '2026-03' and theme = '排队'");
    expect(row!.trend).toEqual([{ month: '2026-02', records: 2 }, { month: '2026-03', records: 6 }]);
  });

  it('keeps a theme fixed later than its month: 收费 in January, before its fix of 1 February', async () => {
    const rows = await queryRows<{ theme: string }>(db, "select theme from mart_month_topics where month = '2026-01'");
    expect(rows.map((row) => row.theme)).toEqual(['收费']);
  });
});
