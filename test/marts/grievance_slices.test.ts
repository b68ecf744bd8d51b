import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, queryRows } from '../../pipeline/db.ts';
import { runTrailingModel, TRAILING_MODELS } from '../../pipeline/plan.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * int_complaint_grievances built in slices of rebuilt days (plan.ts, TRAILING_MODELS) gives the
 * rows of one pass. Worked by hand (all 急诊科; the contact texts have fewer than 4 terms, so
 * only the contact links them):
 *   C0 1 Mar, C1..C10 5 Mar (one an hour), C11 20 Mar, C12 2 Apr, all phone 13900139000.
 *      C1..C10 link to C0 (C1 its first, earliest parent C0); C11's 10 latest on the phone are
 *      C1..C10, so C0, 19 days before, is left out by the cap: parent C1. C12's 10 latest are
 *      C2..C11, all within 30 days: parent C2.
 *   D0..D9 10 Jan (one an hour), D10 15 Feb, D11 20 Feb, phone 13700137000: D1..D9 link to D0;
 *      D10's 10 latest, D0..D9, are 36 days before: no parent. D11's parent D10.
 *   T1 1 Apr, T2 2 Apr: near-duplicate text, T2's parent T1.
 * With one day a slice, each complaint and its parent lie in different slices (C11 reads C0
 * from the 30 days before its slice, and must still leave it out).
 */
const NEAR = 'The car park barrier was broken and the security guard shouted at my elderly mother';
const hours = (prefix: string, from: number, day: string, phone: string) =>
  Array.from({ length: 10 }, (_, i) => `${prefix}${from + i},${day} ${String(8 + i).padStart(2, '0')}:00,hotline,complaint,急诊科,Phone ${phone}`);
const CSV = [
  'id,received_at,channel,kind,department,text',
  'C0,2025-03-01 09:00,hotline,complaint,急诊科,Phone 13900139000',
  ...hours('C', 1, '2025-03-05', '13900139000'),
  'C11,2025-03-20 09:00,hotline,complaint,急诊科,Phone 13900139000',
  'C12,2025-04-02 09:00,hotline,complaint,急诊科,Phone 13900139000',
  ...hours('D', 0, '2025-01-10', '13700137000'),
  'D10,2025-02-15 09:00,hotline,complaint,急诊科,Phone 13700137000',
  'D11,2025-02-20 09:00,hotline,complaint,急诊科,Phone 13700137000',
  `T1,2025-04-01 09:00,walk_in,complaint,急诊科,${NEAR}`,
  `T2,2025-04-02 09:00,website,complaint,急诊科,${NEAR} again`,
].join('\n');

const PARENTS: Record<string, string | null> = {
  C0: null,
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`C${i + 1}`, 'C0'])),
  C11: 'C1',
  C12: 'C2',
  D0: null,
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`D${i + 1}`, 'D0'])),
  D10: null,
  D11: 'D10',
  T1: null,
  T2: 'T1',
};

const MODEL = 'intermediate/int_complaint_grievances';

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run();
});
afterAll(async () => {
  await ws.dispose();
});

/** The model built whole (every day of the history rebuilt) in slices of about `sliceRows` complaints: its rows, and how many slices. */
async function buildWhole(sliceRows: number): Promise<{ rows: Record<string, unknown>[]; slices: number }> {
  const { connection, close } = await openWarehouse(ws.db);
  try {
    await connection.run(
      `create temp table int_changed_grievance_days as
       select hospital, received_at::date as day, true as rebuilt from fct_feedback group by all`,
    );
    await connection.run('drop table int_complaint_grievances');
    const slices = await runTrailingModel(connection, MODEL, sliceRows);
    return { rows: await queryRows(connection, 'from int_complaint_grievances order by id'), slices };
  } finally {
    close();
  }
}

describe('int_complaint_grievances in slices', () => {
  it('gives the hand-worked parents, with the cap on a contact, in one slice and in one slice a day', async () => {
    const whole = await buildWhole(TRAILING_MODELS[MODEL]!.sliceRows);
    const byDay = await buildWhole(1);
    const parents = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((row) => [row.id, row.parent_id]));
    expect(parents(whole.rows)).toEqual(PARENTS);
    expect(whole.slices).toBe(1);
    // the 8 days that hold complaints
    expect(byDay.slices).toBe(8);
    expect(byDay.rows).toEqual(whole.rows);
  });
});
