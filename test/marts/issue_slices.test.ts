import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse, queryRows, setVariables } from '../../pipeline/db.ts';
import { buildHighFrequencyIssues } from '../../pipeline/frequency/high-frequency-issues.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * The high-frequency issues read in slices of consecutive months (buildHighFrequencyIssues'
 * sliceRecords) give the rows of one read. Worked by hand: one hospital writing English, January
 * to April 2025, five complaints about parking each month and 5, 6, 5, 7 about queues (April's
 * seventh on the 30th; January 10 records, February 11, March 10, April 12; the as-of date 30
 * April, the newest record's day).
 * April's queues: 7 records, 5 the month before, (5 + 6 + 5) / 3 a month in the three before,
 * 16 / (31 + 28 + 31) a day. Slices of 25 records read January with February and March with
 * April: March counts February and January from the slice before it; slices of 1 read each month
 * alone.
 */
const QUEUES = ['Waited two hours in the queue at registration', 'The queue at the pharmacy was far too long', 'Long queue and nobody called my number'];
const PARKING = ['No parking space near the entrance', 'Parking is full every morning', 'Could not find parking for an hour', 'The parking fee is too high', 'Parking spaces taken by staff cars'];
const QUEUES_A_MONTH: Record<string, number> = { '01': 5, '02': 6, '03': 5, '04': 6 };
const complaint = (id: string, month: string, day: number, category: string, text: string) =>
  `web,${id},2025-${month}-${String(day).padStart(2, '0')} 09:00,Outpatients,${category},complaint,received,${text},,`;
const CSV = [
  'source,id,received_at,department,category,kind,status,text,responded_at,resolved_at',
  ...Object.entries(QUEUES_A_MONTH).flatMap(([month, queues]) => [
    ...Array.from({ length: queues }, (_, i) => complaint(`Q${month}${i}`, month, i + 1, 'process', QUEUES[i % QUEUES.length]!)),
    ...PARKING.map((text, i) => complaint(`P${month}${i}`, month, i + 1, 'facility', text)),
  ]),
  complaint('Q04last', '04', 30, 'process', 'The queue at the lab again'),
].join('\n');

type Row = Record<string, unknown>;

let ws: Workspace;
let oneRead: Row[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('north/feedback.csv', CSV);
  await ws.run();
  oneRead = await ws.query<Row>('from mart_high_frequency_issues order by month, rank');
});
afterAll(async () => {
  await ws.dispose();
});

/** Every month computed again (no stored fingerprints), read in slices of about `sliceRecords` records: the mart's rows. */
async function buildWhole(sliceRecords: number): Promise<Row[]> {
  const { connection, close } = await openWarehouse(ws.db);
  try {
    await setVariables(connection, { as_of: '2025-04-30' });
    await connection.run('delete from int_issue_month_versions');
    await buildHighFrequencyIssues(connection, modelsOfStep(connection, 'frequency', 'highFrequencyIssues'), sliceRecords);
    return await queryRows<Row>(connection, 'from mart_high_frequency_issues order by month, rank');
  } finally {
    close();
  }
}

describe('the high-frequency issues in slices of months', () => {
  it('gives the hand-worked trend of April in one read, and the same rows in slices of two months and of one', async () => {
    const april = oneRead.find((row) => row.month === '2025-04' && row.anchor_term === 'queue')!;
    expect([april.records, april.previous_month_records, april.days]).toEqual([7, 5, 30]);
    expect(april.mean_previous_3_months).toBeCloseTo(16 / 3, 12);
    expect(april.previous_3_months_per_day).toBeCloseTo(16 / 90, 12);
    expect(oneRead.map((row) => [row.month, row.anchor_term, row.records])).toEqual([
      ['2025-01', 'park', 5],
      ['2025-01', 'queue', 5],
      ['2025-02', 'queue', 6],
      ['2025-02', 'park', 5],
      ['2025-03', 'park', 5],
      ['2025-03', 'queue', 5],
      ['2025-04', 'queue', 7],
      ['2025-04', 'park', 5],
    ]);
    expect(await buildWhole(25)).toEqual(oneRead);
    expect(await buildWhole(1)).toEqual(oneRead);
  });
});
