import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel, setVariables } from '../../pipeline/db.ts';

/**
 * int_issue_months, as of Sun 15 Nov 2026, the Chinese records starting on 20 Dec 2024 and the
 * English on 1 Mar 2026. By hand: the 27 months run from Sep 2024 to Nov 2026, the 24 published
 * from Dec 2024. zh: Nov 2026 has 15 days (1-15), Oct 2026 31, Feb 2025 28, Dec 2024 12 (20-31),
 * Sep to Nov 2024 0. en: Mar 2026 31, Feb 2026 0.
 */
let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await setVariables(db, { as_of: '2026-11-15' });
  await db.run(`create table fct_feedback as select 'H' as hospital, * from (values
    ('zh', timestamp '2024-12-20 08:00'), ('zh', timestamp '2026-11-15 23:00'), ('zh', timestamp '2026-11-20 08:00'),
    ('en', timestamp '2026-03-01 00:30')) as t(lang, received_at)`);
  await runModel(db, 'intermediate/int_issue_months');
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

describe('int_issue_months', () => {
  it('counts the days of each month the records cover, the as-of month to the as-of date', async () => {
    const rows = await queryRows<{ lang: string; month: string; days: number; published: boolean }>(db, 'select * exclude (hospital) from int_issue_months order by lang, month');
    const days = (lang: string, month: string) => rows.find((row) => row.lang === lang && row.month === month);
    expect(rows.filter((row) => row.lang === 'zh').map((row) => row.month)).toHaveLength(27);
    expect(rows.filter((row) => row.lang === 'zh' && row.published)).toHaveLength(24);
    expect(days('zh', '2024-09')).toEqual({ lang: 'zh', month: '2024-09', days: 0, published: false });
    expect(days('zh', '2024-11')).toEqual({ lang: 'zh', month: '2024-11', days: 0, published: false });
    expect(days('zh', '2024-12')).toEqual({ lang: 'zh', month: '2024-12', days: 12, published: true });
    expect(days('zh', '2025-02')?.days).toBe(28);
    expect(days('zh', '2026-10')?.days).toBe(31);
    expect(days('zh', '2026-11')?.days).toBe(15);
    expect(days('en', '2026-02')?.days).toBe(0);
    expect(days('en', '2026-03')?.days).toBe(31);
  });
});
