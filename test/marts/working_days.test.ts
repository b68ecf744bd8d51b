import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Complaint deadlines in working days (int_complaint_deadlines), worked by hand from the State
 * Council and Vietnamese government schedules in data/reference/holidays.csv. The day of receipt
 * is not counted; the deadline is the end of the n-th working day after it. SLAs (complaint_sla.csv):
 * process 3, attitude 7 working days. Calendars come from the files' zones: cn/ Asia/Shanghai → CN,
 * vn/ Asia/Ho_Chi_Minh → VN, uk/ Europe/London → none; branch/ is in Asia/Shanghai but its
 * `calendars` glob says none.
 *
 * CN-A, Fri 24 Jan 2025, process: Sat 25 off, Sun 26 Jan 调休 (1), Mon 27 (2), 春节 28 Jan .. 4 Feb
 *   off, Wed 5 Feb (3) → due 2025-02-05; resolved 5 Feb 23:00, within.
 * CN-B, Thu 23 Jan 2025, process: Fri 24 (1), Sun 26 调休 (2), Mon 27 (3) → due 2025-01-27.
 * CN-C, Fri 26 Sep 2025, process: Sun 28 Sep 调休 (1), Mon 29 (2), Tue 30 (3) → due 2025-09-30.
 * CN-D, Wed 1 Oct 2025 (国庆节、中秋节, received on a holiday), process: off to 8 Oct, Thu 9 (1),
 *   Fri 10 (2), Sat 11 Oct 调休 (3) → due 2025-10-11; resolved Sun 12 Oct, late.
 * VN-A, Thu 23 Jan 2025, process: Fri 24 (1), Tết 25 Jan .. 2 Feb off, Mon 3 Feb (2), Tue 4 (3)
 *   → due 2025-02-04; resolved 5 Feb 09:00, late.
 * VN-B, Wed 29 Jan 2025 (mùng 1 Tết), attitude: Mon 3 .. Fri 7 Feb (1-5), Mon 10 (6), Tue 11 (7)
 *   → due 2025-02-11.
 * VN-C, Thu 24 Apr 2025, process: Fri 25 (1), Sat 26 Apr làm bù (2), Mon 28 (3) → due 2025-04-28
 *   (30 Apr, 1 May and the swapped Fri 2 May are off, but come after).
 * UK-A, Thu 23 Jan 2025, process, weekends only: Fri 24 (1), Mon 27 (2), Tue 28 (3) → due 2025-01-28.
 * UK-B, Sat 1 Mar 2025, process: Mon 3 (1), Tue 4 (2), Wed 5 (3) → due 2025-03-05.
 * BR-A, Fri 24 Jan 2025 in branch/ (calendar none although Asia/Shanghai): Mon 27 (1), Tue 28 (2),
 *   Wed 29 (3) → due 2025-01-29, where CN-A is due 5 Feb.
 */
const HEADER = 'id,received_at,department,category,kind,text,resolved_at';
const FILES: Record<string, string[]> = {
  'cn/complaints.csv': [
    'CN-A,2025-01-24 16:00,急诊科,process,complaint,排队,2025-02-05 23:00',
    'CN-B,2025-01-23 09:00,急诊科,process,complaint,排队,',
    'CN-C,2025-09-26 10:00,急诊科,process,complaint,排队,',
    'CN-D,2025-10-01 10:00,急诊科,process,complaint,排队,2025-10-12 09:00',
  ],
  'vn/y_kien.csv': [
    'VN-A,2025-01-23 09:00,Khoa Cấp cứu,process,complaint,Chờ lâu,2025-02-05 09:00',
    'VN-B,2025-01-29 09:00,Khoa Cấp cứu,attitude,complaint,Thái độ,',
    'VN-C,2025-04-24 09:00,Khoa Cấp cứu,process,complaint,Chờ lâu,',
  ],
  'uk/pals.csv': [
    'UK-A,2025-01-23 09:00,Emergency Department,process,complaint,Long wait,',
    'UK-B,2025-03-01 09:00,Emergency Department,process,complaint,Long wait,',
  ],
  'branch/complaints.csv': ['BR-A,2025-01-24 16:00,急诊科,process,complaint,排队,'],
};
const CONFIG = {
  timezones: { 'vn/**': 'Asia/Ho_Chi_Minh', 'uk/**': 'Europe/London' },
  calendars: { 'branch/**': 'none' },
};

interface Deadline {
  id: string;
  calendar: string;
  sla_working_days: number;
  due_date: string;
  resolved_within_sla: boolean | null;
}

let ws: Workspace;
let deadlines: Map<string, Deadline>;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('hearken.config.json', JSON.stringify(CONFIG));
  for (const [path, lines] of Object.entries(FILES)) await ws.write(path, [HEADER, ...lines].join('\n'));
  await ws.run({ asOf: '2025-10-31' }, new Date('2025-11-01T04:00:00Z'));
  const rows = await ws.query<Deadline>(
    "select id, calendar, sla_working_days, strftime(due_date, '%Y-%m-%d') as due_date, resolved_within_sla from int_complaint_deadlines",
  );
  deadlines = new Map(rows.map((row) => [row.id, row]));
});
afterAll(async () => {
  await ws.dispose();
});

describe('complaint deadlines in working days', () => {
  it('gives every complaint the calendar of its file', () => {
    const calendars = Object.fromEntries([...deadlines.values()].map((d) => [d.id, d.calendar]));
    expect(calendars).toEqual({
      'CN-A': 'CN', 'CN-B': 'CN', 'CN-C': 'CN', 'CN-D': 'CN',
      'VN-A': 'VN', 'VN-B': 'VN', 'VN-C': 'VN',
      'UK-A': 'none', 'UK-B': 'none', 'BR-A': 'none',
    });
  });

  it.each([
    ['CN-A', '2025-02-05', 'Friday before 春节: the 调休 Sunday counts, the holiday week does not'],
    ['CN-B', '2025-01-27', 'the 调休 Sunday is a working day'],
    ['CN-C', '2025-09-30', 'the 调休 Sunday before 国庆节 counts'],
    ['CN-D', '2025-10-11', 'received on a holiday: counting starts after it; the 调休 Saturday is the third day'],
    ['VN-A', '2025-02-04', 'Tết closes 25 Jan .. 2 Feb'],
    ['VN-B', '2025-02-11', 'received during Tết, 7 working days'],
    ['VN-C', '2025-04-28', 'the làm bù Saturday 26 Apr counts'],
    ['UK-A', '2025-01-28', 'weekends only'],
    ['UK-B', '2025-03-05', 'received on a Saturday: counting starts on Monday'],
    ['BR-A', '2025-01-29', 'a `calendars` glob wins over the zone'],
  ])('%s is due %s (%s)', (id, due) => {
    expect(deadlines.get(id)?.due_date).toBe(due);
  });

  it('is within SLA when resolved by the end of the due date, late the day after', () => {
    expect(deadlines.get('CN-A')?.resolved_within_sla).toBe(true);
    expect(deadlines.get('CN-D')?.resolved_within_sla).toBe(false);
    expect(deadlines.get('VN-A')?.resolved_within_sla).toBe(false);
    expect(deadlines.get('CN-B')?.resolved_within_sla).toBeNull();
  });

  it('feeds within_sla_rate per hospital: in January 2025 cn resolved CN-A within (100 %), vn VN-A late (0 %)', async () => {
    const rows = await ws.query<{ hospital: string; within_sla_rate: number; resolved_within_sla: number }>(
      "select hospital, within_sla_rate, resolved_within_sla from mart_complaint_kpis where month = '2025-01' and department = 'ALL' and resolved > 0 order by hospital",
    );
    // the folders are hospitals: their complaints are never added up as one hospital's
    expect(rows).toEqual([
      { hospital: 'cn', within_sla_rate: 100, resolved_within_sla: 1 },
      { hospital: 'vn', within_sla_rate: 0, resolved_within_sla: 0 },
    ]);
  });
});
