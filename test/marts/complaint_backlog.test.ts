import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * mart_complaint_backlog and mart_sla_breaches, worked by hand at the as-of date Fri 13 Jun 2025,
 * calendar CN (the workspace's Asia/Shanghai); 端午节 closes Sat 31 May .. Mon 2 Jun. Ages and
 * deadlines count working days after the day of receipt (process 3, attitude 7, quality and cost 15).
 *   B1 急诊科 process, Thu 12 Jun, open: age 1 (13 Jun); due Tue 17 Jun.
 *   B2 急诊科 process, Fri 6 Jun, open: age 5 (9-13 Jun); due Wed 11 Jun, past due by 2 (12, 13).
 *   B3 急诊科 quality, Thu 29 May, open: age 10 (30 May, 3-6 Jun, 9-13 Jun); due Fri 20 Jun.
 *   B4 急诊科 process, Mon 12 May, resolved 20 Jun, so open on 13 Jun: age 23; due Thu 15 May,
 *      past due by 20 (16 May, 19-23, 26-30 May, 3-6 Jun, 9-13 Jun).
 *   B5 急诊科 process, Mon 2 Jun (a holiday), resolved Wed 4 Jun: not open (and due Thu 5 Jun).
 *   B6 急诊科 process, Mon 16 Jun: after the as-of date, not counted.
 *   B7 心血管内科 attitude, Fri 30 May, open, escalated: age 9 (3-6, 9-13 Jun); due Wed 11 Jun, past
 *      due by 2.
 *   B8 心血管内科 cost, Fri 13 Jun 08:00, replied but not resolved, so open: age 0 (the day of
 *      receipt is not counted).
 *   P1 心血管内科 praise, open: not a complaint.
 * 急诊科: open 4 = 1 (0-3) + 1 (4-7) + 1 (8-15) + 1 (>15), past due 2, oldest 23.
 * 心血管内科: open 2 = 1 (0-3) + 1 (8-15), past due 1, 1 replied, 1 escalated, oldest 9.
 * ALL: 6 = 2 + 1 + 2 + 1, past due 3, 1 replied, 1 escalated, oldest 23.
 */
const CSV = [
  'id,received_at,department,category,kind,text,status,resolved_at',
  'B1,2025-06-12 09:00,急诊科,process,complaint,排队,handling,',
  'B2,2025-06-06 09:00,急诊科,process,complaint,排队,handling,',
  'B3,2025-05-29 09:00,急诊科,quality,complaint,误诊,handling,',
  'B4,2025-05-12 09:00,急诊科,process,complaint,排队,closed,2025-06-20 10:00',
  'B5,2025-06-02 09:00,急诊科,process,complaint,排队,closed,2025-06-04 10:00',
  'B6,2025-06-16 09:00,急诊科,process,complaint,排队,received,',
  'B7,2025-05-30 09:00,心血管内科,attitude,complaint,态度,escalated,',
  'B8,2025-06-13 08:00,心血管内科,cost,complaint,收费,replied,',
  'P1,2025-06-10 09:00,心血管内科,,praise,感谢,,',
].join('\n');

// every export names its hospital first and its run last (contract section 5)
const BACKLOG_COLUMNS = [
  'hospital', 'as_of', 'department', 'open_complaints', 'open_0_3_working_days', 'open_4_7_working_days',
  'open_8_15_working_days', 'open_over_15_working_days', 'past_due', 'status_replied', 'status_escalated', 'oldest_working_days', 'run_id',
];

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run({ asOf: '2025-06-13' });
});
afterAll(async () => {
  await ws.dispose();
});

/** Runs the same complaints at another as-of date in a warehouse of its own, leaving the shared one as the tests above read it. */
async function atAsOf(asOf: string, check: (other: Workspace) => Promise<void>): Promise<void> {
  const other = await createWorkspace();
  try {
    await other.write('complaints.csv', CSV);
    await other.run({ asOf });
    await check(other);
  } finally {
    await other.dispose();
  }
}

describe('complaint backlog at the as-of date', () => {
  it('is exported as CSV and Parquet, ALL first', () => {
    expect(existsSync(join(ws.out, 'data/complaint_backlog.parquet'))).toBe(true);
    const rows = ws.exported('complaint_backlog');
    expect(Object.keys(rows[0]!)).toEqual(BACKLOG_COLUMNS);
    expect(rows.map((r) => r.department)).toEqual(['ALL', '心血管内科', '急诊科']);
  });

  it('matches the hand-worked ages and past-due counts', () => {
    const rows = ws.exported('complaint_backlog');
    const line = (department: string) => rows.find((r) => r.department === department);
    expect(line('急诊科')).toEqual({
      hospital: 'input', run_id: expect.any(String), as_of: '2025-06-13', department: '急诊科', open_complaints: '4', open_0_3_working_days: '1', open_4_7_working_days: '1',
      open_8_15_working_days: '1', open_over_15_working_days: '1', past_due: '2', status_replied: '0', status_escalated: '0', oldest_working_days: '23',
    });
    expect(line('心血管内科')).toMatchObject({ open_complaints: '2', open_0_3_working_days: '1', open_4_7_working_days: '0', open_8_15_working_days: '1', open_over_15_working_days: '0', past_due: '1', status_replied: '1', status_escalated: '1', oldest_working_days: '9' });
    expect(line('ALL')).toMatchObject({ open_complaints: '6', open_0_3_working_days: '2', open_4_7_working_days: '1', open_8_15_working_days: '2', open_over_15_working_days: '1', past_due: '3', status_replied: '1', status_escalated: '1', oldest_working_days: '23' });
  });
});

describe('SLA breaches at the as-of date', () => {
  it('lists each open complaint past its due date, most overdue first', async () => {
    const rows = await ws.query(
      `select source, id, department, category, strftime(received_at, '%Y-%m-%d %H:%M') as received_at,
              strftime(due_at, '%Y-%m-%d %H:%M:%S') as due_at, working_days_overdue, status
       from mart_sla_breaches`,
    );
    expect(rows).toEqual([
      { source: 'complaints', id: 'B4', department: '急诊科', category: 'process', received_at: '2025-05-12 09:00', due_at: '2025-05-15 23:59:59', working_days_overdue: 20, status: 'closed' },
      { source: 'complaints', id: 'B7', department: '心血管内科', category: 'attitude', received_at: '2025-05-30 09:00', due_at: '2025-06-11 23:59:59', working_days_overdue: 2, status: 'escalated' },
      { source: 'complaints', id: 'B2', department: '急诊科', category: 'process', received_at: '2025-06-06 09:00', due_at: '2025-06-11 23:59:59', working_days_overdue: 2, status: 'handling' },
    ]);
  });

  it('counts escalated complaints in complaint_kpis', async () => {
    const rows = await ws.query<{ month: string; escalated: number }>(
      "select month, escalated from mart_complaint_kpis where department = 'ALL' order by month",
    );
    expect(rows).toEqual([{ month: '2025-05', escalated: 1 }, { month: '2025-06', escalated: 0 }]);
  });

  it('adds no working day over a weekend: on Sat 14 Jun the ages and overdue days stay as on Friday', async () => {
    await atAsOf('2025-06-14', async (other) => {
      const breaches = await other.query<{ id: string; working_days_overdue: number }>('select id, working_days_overdue from mart_sla_breaches');
      expect(breaches).toEqual([{ id: 'B4', working_days_overdue: 20 }, { id: 'B7', working_days_overdue: 2 }, { id: 'B2', working_days_overdue: 2 }]);
      const [all] = await other.query<{ open_complaints: number; oldest_working_days: number }>(
        "select open_complaints, oldest_working_days from mart_complaint_backlog where department = 'ALL'",
      );
      expect(all).toEqual({ open_complaints: 6, oldest_working_days: 23 });
    });
  });

  it('has only a zero ALL row and no breaches before any complaint came', async () => {
    await atAsOf('2025-05-01', async (other) => {
      expect(await other.query('select department, open_complaints, past_due from mart_complaint_backlog')).toEqual([
        { department: 'ALL', open_complaints: 0, past_due: 0 },
      ]);
      expect(await other.query('select * from mart_sla_breaches')).toEqual([]);
    });
  });
});
