import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// Complaints under a 3-working-day process SLA (CN calendar, Asia/Shanghai; June 2025 has no holiday
// after 端午 on 2 June). Received Tuesday 3 June → due Friday 6 June. On 13 June, 急诊科 has two
// open past due (5 working days overdue: 9–13 June) and 儿科 one; 心内科's complaint was resolved.
const CSV = [
  'id,received_at,department,category,kind,text,resolved_at',
  'A1,2025-06-03 09:00,急诊科,process,complaint,排队太久,',
  'A2,2025-06-03 10:00,急诊科,process,complaint,挂号排队,',
  'B1,2025-06-03 11:00,儿科,process,complaint,等候太久,',
  'C1,2025-06-03 12:00,心内科,process,complaint,排队,2025-06-05 12:00',
].join('\n');

// each test has its own warehouse and goes on from the runs before the one it checks, so it stands alone
let ws: Workspace;
const warningsOf = (): WarningsFile => JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile;
const NOW = new Date('2025-06-30T04:00:00Z');
const runAsOf = (asOf: string) => ws.run({ asOf, lang: 'zh' }, NOW);

beforeEach(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
});
afterEach(async () => {
  await ws.dispose();
});

// the run as of 13 June, made once; a test that starts from it takes a copy as its own warehouse
let june13: Workspace;
beforeAll(async () => {
  june13 = await createWorkspace();
  await june13.write('complaints.csv', CSV);
  await june13.run({ asOf: '2025-06-13', lang: 'zh' }, NOW);
});
afterAll(async () => {
  await june13.dispose();
});
async function fromJune13(): Promise<void> {
  await ws.dispose();
  ws = await june13.copy();
}

describe('sla_breach warnings: one per case, when it passes its due date or an escalation step', () => {
  // default escalation steps 3 and 10 working days overdue: due Fri 6 June, so step 1 is reached on
  // Sat 7 June, step 2 on Wed 11 June (3 working days: 9, 10, 11), step 3 on Fri 20 June (10)
  it('raises one warning per overdue case, new, with its case, owner role and a due date on a working day', async () => {
    await fromJune13();
    const file = warningsOf();
    expect(file.as_of).toBe('2025-06-13');
    expect(file.warnings.map((w) => [w.kind, w.department, w.status, w.observed, w.severity, w.evidence_ids]).sort()).toEqual([
      ['sla_breach', '儿科', 'new', 5, 'medium', ['B1']],
      ['sla_breach', '急诊科', 'new', 5, 'medium', ['A1']],
      ['sla_breach', '急诊科', 'new', 5, 'medium', ['A2']],
    ].sort());
    const a1 = file.warnings.find((w) => w.evidence_ids[0] === 'A1')!;
    // Fri 13 June plus one working day is Monday, not Saturday
    expect(a1).toMatchObject({ period_start: '2025-06-06', period_end: '2025-06-13', expected: 0, due_date: '2025-06-16', category: 'process' });
    expect(a1.sla_case).toEqual({
      source: 'complaints', id: 'A1', escalation_step: 2, owner: null, owner_role: 'supervising_leader',
      due_date: '2025-06-06', step_reached_on: '2025-06-11', calendar: 'CN',
    });
    expect(a1.summary).toBe('急诊科投诉 A1 已超过办理时限 2025-06-06 5 个工作日（督办第 2 级），责任人：分管院领导。');
    expect(a1.id).toMatch(/^W-[0-9a-f]{12}$/);
  });

  it('raises nothing more while a case stays at its step (also on a re-run), and a new warning at the next step', async () => {
    await fromJune13();
    const first = warningsOf();
    await runAsOf('2025-06-16');
    expect(warningsOf().warnings).toEqual([]);
    await runAsOf('2025-06-16');
    expect(warningsOf().warnings).toEqual([]);
    await runAsOf('2025-06-20');
    const third = warningsOf().warnings;
    expect(third.map((w) => [w.status, w.severity, w.sla_case?.escalation_step, w.sla_case?.step_reached_on])).toEqual([
      ['new', 'high', 3, '2025-06-20'], ['new', 'high', 3, '2025-06-20'], ['new', 'high', 3, '2025-06-20'],
    ]);
    expect(third.some((w) => first.warnings.some((f) => f.id === w.id))).toBe(false);
  }, 240_000);

  it('on a first run over old data raises only the cases that passed a step in the week to the as-of date', async () => {
    // D1: Tue 24 June → due Fri 27 June, past due from Sat 28 June; the others passed step 3 on 20 June
    await ws.write('more.csv', ['id,received_at,department,category,kind,text,resolved_at', 'D1,2025-06-24 09:00,儿科,process,complaint,排队,'].join('\n'));
    await runAsOf('2025-06-30');
    expect(warningsOf().warnings.map((w) => [w.evidence_ids, w.severity, w.sla_case?.step_reached_on])).toEqual([[['D1'], 'low', '2025-06-28']]);
    const listed = await ws.query<{ id: string; escalation_step: number }>("select id, escalation_step from mart_open_cases order by id");
    expect(listed).toEqual([
      { id: 'A1', escalation_step: 3 }, { id: 'A2', escalation_step: 3 }, { id: 'B1', escalation_step: 3 }, { id: 'D1', escalation_step: 1 },
    ]);
  });
});
