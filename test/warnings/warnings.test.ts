import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

// each test has its own warehouse and replays the runs before the one it checks, so it stands alone
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

describe('sla_breach warnings across runs', () => {
  it('raises one warning per department with overdue complaints, new, with its evidence and a due date', async () => {
    await runAsOf('2025-06-13');
    const file = warningsOf();
    expect(file.as_of).toBe('2025-06-13');
    expect(file.warnings.map((w) => [w.kind, w.department, w.status, w.observed, w.severity, w.evidence_ids])).toEqual([
      ['sla_breach', '急诊科', 'new', 2, 'low', ['A1', 'A2']],
      ['sla_breach', '儿科', 'new', 1, 'low', ['B1']],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
    const emergency = file.warnings.find((w) => w.department === '急诊科')!;
    expect(emergency).toMatchObject({ period_start: '2025-06-06', period_end: '2025-06-13', expected: 0, due_date: '2025-06-14' });
    expect(emergency.summary).toBe('急诊科有 2 件未办结投诉已超过办理时限，最久的超期 5 个工作日。');
    expect(emergency.id).toMatch(/^W-[0-9a-f]{12}$/);
  });

  it('keeps the id and says ongoing the next day; a re-run of that day changes nothing', async () => {
    await runAsOf('2025-06-13');
    const first = warningsOf();
    await runAsOf('2025-06-16');
    const second = warningsOf();
    expect(second.warnings.map((w) => [w.id, w.status])).toEqual(first.warnings.map((w) => [w.id, 'ongoing']));
    await runAsOf('2025-06-16');
    expect(warningsOf().warnings.map((w) => [w.id, w.status])).toEqual(second.warnings.map((w) => [w.id, w.status]));
  });

  it('announces a warning resolved once its complaints are closed, then drops it', async () => {
    await runAsOf('2025-06-13');
    const before = warningsOf();
    await ws.write('complaints.csv', CSV.replace('儿科,process,complaint,等候太久,', '儿科,process,complaint,等候太久,2025-06-17 09:00'));
    await runAsOf('2025-06-17');
    const resolved = warningsOf().warnings;
    const paediatrics = before.warnings.find((w) => w.department === '儿科')!;
    expect(resolved.find((w) => w.id === paediatrics.id)?.status).toBe('resolved');
    expect(resolved.find((w) => w.department === '急诊科')?.status).toBe('ongoing');
    await runAsOf('2025-06-18');
    expect(warningsOf().warnings.map((w) => w.department)).toEqual(['急诊科']);
  });
});
