import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, runModel, setVariables } from '../../pipeline/db.ts';

/**
 * mart_complaint_channels and mart_department_category_heat on a hand-made fct_feedback.
 * 总院 急诊科 process: 2 complaints in each of 2024-07 .. 2025-05 (11 months, 22), then 6 in 2025-06;
 *   the 12 months before 2025-06 are 2024-06 .. 2025-05, of which the hospital has 2024-07 on
 *   (its first complaint): 11 months, expected 22 / 11 = 2, ratio 3, well above (≥ 3 and ≥ 2×).
 * 总院 心内科 attitude: 3 in 2025-06 and none before: new, expected 0 over 11 months, ratio null, well above.
 * 总院 心内科 cost: 1 in 2024-08, none in 2025-06: observed 0, expected 1/11 (still charted), not well above.
 * Channels (2025-06): 急诊科 hotline ×4, zalo ×1, facebook ×1; 心内科 social (no platform) ×2, none ×1 (→ other).
 * A second hospital, 分院, has one 急诊科 process complaint in 2025-06 by wechat: on its own.
 */
type Record = [hospital: string, department: string, day: string, category: string, channel: string | null, platform: string | null, kind: string];
const records: Record[] = [];
for (let m = 7; m <= 17; m++) {
  const month = `${2024 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
  for (let i = 0; i < 2; i++) records.push(['总院', '急诊科', `${month}-1${i}`, 'process', 'walk_in', null, 'complaint']);
}
const june: Record[] = [
  ['总院', '急诊科', '2025-06-02', 'process', 'hotline', null, 'complaint'],
  ['总院', '急诊科', '2025-06-03', 'process', 'hotline', null, 'complaint'],
  ['总院', '急诊科', '2025-06-04', 'process', 'hotline', null, 'complaint'],
  ['总院', '急诊科', '2025-06-05', 'process', 'hotline', null, 'complaint'],
  ['总院', '急诊科', '2025-06-06', 'process', 'social', 'zalo', 'complaint'],
  ['总院', '急诊科', '2025-06-07', 'process', 'social', 'facebook', 'complaint'],
  ['总院', '心内科', '2025-06-10', 'attitude', 'social', null, 'complaint'],
  ['总院', '心内科', '2025-06-11', 'attitude', 'social', null, 'complaint'],
  ['总院', '心内科', '2025-06-12', 'attitude', null, null, 'complaint'],
  ['总院', '心内科', '2025-06-13', 'attitude', 'hotline', null, 'praise'],
  ['总院', '心内科', '2024-08-01', 'cost', 'website', null, 'complaint'],
  ['分院', '急诊科', '2025-06-20', 'process', 'social', 'wechat', 'complaint'],
];
records.push(...june);

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // the columns int_feedback_months reads; source, id and lang stay null
  await connection.run('create table fct_feedback (hospital varchar, source varchar, id varchar, department varchar, lang varchar, received_at timestamp, category varchar, channel varchar, platform varchar, kind varchar)');
  for (const [hospital, department, day, category, channel, platform, kind] of records) {
    await connection.run('insert into fct_feedback (hospital, department, received_at, category, channel, platform, kind) values ($hospital, $department, $day::timestamp, $category, $channel, $platform, $kind)', { hospital, department, day, category, channel, platform, kind });
  }
  await setVariables(connection, { as_of: '2025-06-30' });
  await runModel(connection, 'intermediate/int_feedback_months');
  await runModel(connection, 'marts/mart_complaint_monthly');
  await runModel(connection, 'marts/mart_complaint_channels');
  await runModel(connection, 'marts/mart_department_category_heat');
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

describe('mart_complaint_channels', () => {
  it('counts a month’s complaints per channel, social media by platform, per department and for the hospital', async () => {
    const rows = await queryRows(connection, "select hospital, department, channel, platform, complaints from mart_complaint_channels where month = '2025-06'");
    const sorted = (list: unknown[]) => list.map((r) => JSON.stringify(r)).sort();
    expect(sorted(rows)).toEqual(
      sorted([
        { hospital: '总院', department: '急诊科', channel: 'hotline', platform: null, complaints: 4 },
        { hospital: '总院', department: '急诊科', channel: 'social', platform: 'zalo', complaints: 1 },
        { hospital: '总院', department: '急诊科', channel: 'social', platform: 'facebook', complaints: 1 },
        { hospital: '总院', department: '心内科', channel: 'social', platform: null, complaints: 2 },
        { hospital: '总院', department: '心内科', channel: 'other', platform: null, complaints: 1 },
        { hospital: '总院', department: 'ALL', channel: 'hotline', platform: null, complaints: 4 },
        { hospital: '总院', department: 'ALL', channel: 'social', platform: 'zalo', complaints: 1 },
        { hospital: '总院', department: 'ALL', channel: 'social', platform: 'facebook', complaints: 1 },
        { hospital: '总院', department: 'ALL', channel: 'social', platform: null, complaints: 2 },
        { hospital: '总院', department: 'ALL', channel: 'other', platform: null, complaints: 1 },
        { hospital: '分院', department: '急诊科', channel: 'social', platform: 'wechat', complaints: 1 },
        { hospital: '分院', department: 'ALL', channel: 'social', platform: 'wechat', complaints: 1 },
      ]),
    );
  });
});

describe('mart_department_category_heat', () => {
  const cell = async (hospital: string, department: string, category: string, month = '2025-06') =>
    (await queryRows<{ observed: number; expected: number | null; ratio: number | null; history_months: number; well_above: boolean }>(
      connection,
      'select observed, expected, ratio, history_months, well_above from mart_department_category_heat where hospital = $hospital and department = $department and category = $category and month = $month',
      { hospital, department, category, month },
    ))[0];

  it('sets the month against the mean of the 12 months before, counting only the hospital’s own months', async () => {
    expect(await cell('总院', '急诊科', 'process')).toEqual({ observed: 6, expected: 2, ratio: 3, history_months: 11, well_above: true });
  });

  it('flags a new cell of 3 or more as well above, and keeps a quiet cell with history', async () => {
    expect(await cell('总院', '心内科', 'attitude')).toEqual({ observed: 3, expected: 0, ratio: null, history_months: 11, well_above: true });
    const quiet = await cell('总院', '心内科', 'cost');
    expect(quiet?.observed).toBe(0);
    expect(quiet?.expected).toBeCloseTo(1 / 11, 12);
    expect(quiet?.well_above).toBe(false);
  });

  it('has no expected level in a hospital’s first month, and never adds hospitals up', async () => {
    expect(await cell('总院', '急诊科', 'process', '2024-07')).toEqual({ observed: 2, expected: null, ratio: null, history_months: 0, well_above: false });
    expect(await cell('分院', '急诊科', 'process')).toEqual({ observed: 1, expected: null, ratio: null, history_months: 0, well_above: false });
  });
});
