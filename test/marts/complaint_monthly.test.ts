import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel, setVariables } from '../../pipeline/db.ts';

/**
 * mart_complaint_monthly on a hand-made fct_feedback (as of 2025-06-30):
 * 急诊科: 2025-05 process ×2, 2025-06 process ×1 and one without category (→ other);
 * 心内科: 2025-06 attitude ×2, and a praise that does not count;
 * 眼科: 2024-03 process ×5, more than any, but before the 12 months to the as-of date.
 * Ranks by the 12 months: 急诊科 4 → 1, 心内科 2 → 2, 眼科 0 → 3.
 * A second hospital, 分院, has one 急诊科 complaint in 2025-06: counted and ranked on its own.
 */
const RECORDS: [string, string, string | null, string][] = [
  ['急诊科', '2025-05-03', 'process', 'complaint'],
  ['急诊科', '2025-05-20', 'process', 'complaint'],
  ['急诊科', '2025-06-01', 'process', 'complaint'],
  ['急诊科', '2025-06-02', null, 'complaint'],
  ['心内科', '2025-06-10', 'attitude', 'complaint'],
  ['心内科', '2025-06-11', 'attitude', 'complaint'],
  ['心内科', '2025-06-12', 'attitude', 'praise'],
  ...Array.from({ length: 5 }, (): [string, string, string | null, string] => ['眼科', '2024-03-05', 'process', 'complaint']),
];

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let rows: { hospital: string; department: string; month: string; category: string; complaints: number; department_rank: number | null }[];
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // the columns int_feedback_months reads; those this mart does not count stay null
  await connection.run('create table fct_feedback (hospital varchar, source varchar, id varchar, department varchar, lang varchar, received_at timestamp, category varchar, channel varchar, platform varchar, kind varchar)');
  const insert = 'insert into fct_feedback (hospital, department, received_at, category, kind) values ($hospital, $department, $day::timestamp, $category, $kind)';
  for (const [department, day, category, kind] of RECORDS) await connection.run(insert, { hospital: '总院', department, day, category, kind });
  await connection.run(insert, { hospital: '分院', department: '急诊科', day: '2025-06-20', category: 'quality', kind: 'complaint' });
  await setVariables(connection, { as_of: '2025-06-30' });
  await runModel(connection, 'intermediate/int_feedback_months');
  await runModel(connection, 'marts/mart_complaint_monthly');
  rows = await queryRows(connection, 'select * from mart_complaint_monthly');
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const find = (department: string, month: string, category: string, hospital = '总院') =>
  rows.find((r) => r.hospital === hospital && r.department === department && r.month === month && r.category === category);

describe('mart_complaint_monthly', () => {
  it('counts complaints by department, month and category, a missing category as other, praise not at all', () => {
    expect(find('急诊科', '2025-05', 'process')?.complaints).toBe(2);
    expect(find('急诊科', '2025-06', 'other')?.complaints).toBe(1);
    expect(find('心内科', '2025-06', 'attitude')?.complaints).toBe(2);
  });

  it('adds the totals: per department and month, per category and month, and per month', () => {
    expect(find('急诊科', '2025-06', 'ALL')?.complaints).toBe(2);
    expect(find('ALL', '2025-06', 'attitude')?.complaints).toBe(2);
    expect(find('ALL', '2025-06', 'ALL')?.complaints).toBe(4);
    expect(find('ALL', '2024-03', 'ALL')?.complaints).toBe(5);
    // the key is unique
    expect(new Set(rows.map((r) => JSON.stringify([r.hospital, r.department, r.month, r.category]))).size).toBe(rows.length);
  });

  it('ranks the departments by their complaints of the 12 months to the as-of date', () => {
    const rank = (department: string, hospital = '总院') => rows.find((r) => r.hospital === hospital && r.department === department)?.department_rank;
    expect([rank('急诊科'), rank('心内科'), rank('眼科'), rank('ALL')]).toEqual([1, 2, 3, null]);
    expect(rank('急诊科', '分院')).toBe(1);
  });

  it('keeps each hospital apart: its own ALL, never a sum across hospitals', () => {
    expect(find('ALL', '2025-06', 'ALL', '分院')?.complaints).toBe(1);
    expect(find('急诊科', '2025-06', 'quality', '分院')?.complaints).toBe(1);
    expect(find('ALL', '2025-06', 'quality')).toBeUndefined();
    expect(rows.filter((r) => r.hospital === '分院')).toHaveLength(4);
  });
});
