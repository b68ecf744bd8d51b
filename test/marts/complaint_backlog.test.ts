import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKLOG_COMPLAINTS, BACKLOG_HEADER } from '../support/backlog-complaints.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * mart_complaint_backlog and mart_open_cases, worked by hand at the as-of date Fri 13 Jun 2025,
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
 *   B9 心血管内科 cost, Mon 2 Jun, referred to an outside authority: off the department's clock, in
 *      no backlog count, listed apart (reported upward) with no due date.
 * 急诊科: open 4 = 1 (0-3) + 1 (4-7) + 1 (8-15) + 1 (>15), past due 2, oldest 23.
 * 心血管内科: open 2 = 1 (0-3) + 1 (8-15), past due 1, 1 replied, 1 escalated, oldest 9.
 * ALL: 6 = 2 + 1 + 2 + 1, past due 3, 1 replied, 1 escalated, oldest 23.
 */
const CSV = [
  BACKLOG_HEADER,
  'B1,2025-06-12 09:00,急诊科,process,complaint,排队,handling,',
  ...BACKLOG_COMPLAINTS,
  'P1,2025-06-10 09:00,心血管内科,,praise,感谢,,',
  'B9,2025-06-02 09:00,心血管内科,cost,complaint,医保政策,referred,',
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

/** Runs the same complaints at another as-of date in a copy of the shared warehouse, leaving it as the tests above read it. */
async function atAsOf(asOf: string, check: (other: Workspace) => Promise<void>): Promise<void> {
  const other = await ws.copy();
  try {
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

/**
 * The open-case list at Fri 13 Jun, the default escalation steps (3 and 10 working days overdue)
 * and this department_owners.csv: emergency (by its code) 急诊科主任 and 分管医疗副院长; `*` 科室主任
 * with no leader named. B4 is overdue by 20: step 3, reached at its due date + 10 working days, Thu
 * 29 May (16, 19-23, 26-29 May), so its supervising leader answers; B7 and B2 by 2: step 1, from
 * the day after their due date (Thu 12 Jun), their heads answer. Then the cases not yet due, by
 * due date, and last B9, reported upward.
 */
const OWNERS = 'department,head,supervising_leader\nemergency,急诊科主任,分管医疗副院长\n*,科室主任,\n';

describe('the open-case list at the as-of date', () => {
  let listed: Workspace;
  beforeAll(async () => {
    listed = await createWorkspace();
    await listed.write('complaints.csv', CSV);
    await listed.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../reference'] }));
    await mkdir(join(listed.root, 'reference'));
    await writeFile(join(listed.root, 'reference', 'department_owners.csv'), OWNERS);
    await listed.run({ asOf: '2025-06-13' });
  });
  afterAll(async () => {
    await listed.dispose();
  });

  it('lists the department cases by due date, then the referred ones apart, with owner, step and redacted text', () => {
    const rows = listed.exported('open_cases').map((r) => [r.clock, r.id, r.department, r.owner, r.owner_role, r.status, r.due_date, r.working_days_overdue, r.escalation_step, r.step_reached_on, r.age_working_days]);
    expect(rows).toEqual([
      ['department', 'B4', '急诊科', '分管医疗副院长', 'supervising_leader', 'closed', '2025-05-15', '20', '3', '2025-05-29', '23'],
      ['department', 'B7', '心血管内科', '科室主任', 'head', 'escalated', '2025-06-11', '2', '1', '2025-06-12', '9'],
      ['department', 'B2', '急诊科', '急诊科主任', 'head', 'handling', '2025-06-11', '2', '1', '2025-06-12', '5'],
      ['department', 'B1', '急诊科', '急诊科主任', 'head', 'handling', '2025-06-17', '', '0', '', '1'],
      ['department', 'B3', '急诊科', '急诊科主任', 'head', 'handling', '2025-06-20', '', '0', '', '10'],
      ['department', 'B8', '心血管内科', '科室主任', 'head', 'replied', '2025-07-04', '', '0', '', '0'],
      ['reported_upward', 'B9', '心血管内科', '科室主任', 'head', 'referred', '', '', '0', '', '9'],
    ]);
  });

  it('names the head of a department the table lists only under * and leaves the owner blank where no one is named', () => {
    const b7 = listed.exported('open_cases').find((r) => r.id === 'B7')!;
    // 心血管内科 has no row of its own: `*` gives 科室主任 as head; B7 is at step 1, so its head answers
    expect(b7).toMatchObject({ owner: '科室主任', owner_role: 'head', text_redacted: '态度', category: 'attitude' });
  });

  it('keeps a referred complaint out of the backlog and the breaches', async () => {
    const [all] = await listed.query<{ open_complaints: number; past_due: number }>(
      "select open_complaints, past_due from mart_complaint_backlog where department = 'ALL'",
    );
    expect(all).toEqual({ open_complaints: 6, past_due: 3 });
  });
});

describe('the clock at the as-of date', () => {
  it('counts escalated complaints in complaint_kpis', async () => {
    const rows = await ws.query<{ month: string; escalated: number }>(
      "select month, escalated from mart_complaint_kpis where department = 'ALL' order by month",
    );
    expect(rows).toEqual([{ month: '2025-05', escalated: 1 }, { month: '2025-06', escalated: 0 }]);
  });

  it('adds no working day over a weekend: on Sat 14 Jun the ages and overdue days stay as on Friday', async () => {
    await atAsOf('2025-06-14', async (other) => {
      const breaches = await other.query<{ id: string; working_days_overdue: number }>(
        'select id, working_days_overdue from mart_open_cases where working_days_overdue is not null',
      );
      expect(breaches).toEqual([{ id: 'B4', working_days_overdue: 20 }, { id: 'B7', working_days_overdue: 2 }, { id: 'B2', working_days_overdue: 2 }]);
      const [all] = await other.query<{ open_complaints: number; oldest_working_days: number }>(
        "select open_complaints, oldest_working_days from mart_complaint_backlog where department = 'ALL'",
      );
      expect(all).toEqual({ open_complaints: 6, oldest_working_days: 23 });
    });
  });

  it('has only a zero ALL row and no open case before any complaint came', async () => {
    await atAsOf('2025-05-01', async (other) => {
      expect(await other.query('select department, open_complaints, past_due from mart_complaint_backlog')).toEqual([
        { department: 'ALL', open_complaints: 0, past_due: 0 },
      ]);
      expect(await other.query('select * from mart_open_cases')).toEqual([]);
    });
  });

  it('stops the clock at `replied` when the config says so, and never at `escalated`', async () => {
    const other = await ws.copy();
    try {
      await other.write('hearken.config.json', JSON.stringify({ cases: { clock_stops_at: ['replied'] } }));
      await other.run({ asOf: '2025-06-13' });
      const ids = await other.query<{ id: string }>("select id from mart_open_cases where clock = 'department' order by id");
      // B8 (replied) leaves the list; B7 (escalated) stays
      expect(ids.map((r) => r.id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B7']);
    } finally {
      await other.dispose();
    }
  });
});
