import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Two campuses of one hospital group, 北院 and 南院, each with a 急诊科 of its own head, and
 * complaint ids that collide (two systems). As of Fri 13 Jun 2025, calendar CN (worked by hand in
 * complaint_backlog.test.ts): B2 (process, Fri 6 Jun) is past due by 2, step 1, its head answers;
 * B4 (process, Mon 12 May, resolved 20 Jun) is past due by 20, step 3, its supervising leader
 * answers; B7 (心血管内科, attitude, Fri 30 May) is past due by 2, step 1.
 * The owner table below: 北院's 急诊科 by name; 南院's by code with no leader, so 南院's leader comes
 * from the row of every hospital for 急诊科; 心血管内科 has no row, so `*` names its head.
 */
const OWNERS = [
  'department,head,supervising_leader,hospital',
  '急诊科,北院急诊科主任,北院分管副院长,北院',
  'emergency,南院急诊科主任,,南院',
  '急诊科,急诊科主任,分管医疗副院长,',
  '*,科室主任,,',
].join('\n');

const campus = (extra: string[]) =>
  [
    'id,received_at,department,category,kind,text,status,resolved_at',
    'B2,2025-06-06 09:00,急诊科,process,complaint,排队,handling,',
    'B4,2025-05-12 09:00,急诊科,process,complaint,排队,closed,2025-06-20 10:00',
    ...extra,
  ].join('\n');

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('北院/complaints.csv', campus(['B7,2025-05-30 09:00,心血管内科,attitude,complaint,态度,escalated,']));
  await ws.write('南院/complaints.csv', campus([]));
  await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../reference'] }));
  await mkdir(join(ws.root, 'reference'));
  await writeFile(join(ws.root, 'reference', 'department_owners.csv'), OWNERS);
  await ws.run({ asOf: '2025-06-13' });
}, 300_000);
afterAll(async () => {
  await ws.dispose();
});

describe('department_owners.csv per hospital', () => {
  it('names each campus its own head for the same department name, and the leader of the row for every hospital where its own names none', () => {
    const rows = ws.exported('open_cases').map((r) => [r.hospital, r.id, r.department, r.escalation_step, r.owner_role, r.owner]);
    expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(
      new Set(
        [
          ['北院', 'B2', '急诊科', '1', 'head', '北院急诊科主任'],
          ['北院', 'B4', '急诊科', '3', 'supervising_leader', '北院分管副院长'],
          ['北院', 'B7', '心血管内科', '1', 'head', '科室主任'],
          ['南院', 'B2', '急诊科', '1', 'head', '南院急诊科主任'],
          ['南院', 'B4', '急诊科', '3', 'supervising_leader', '分管医疗副院长'],
        ].map((r) => JSON.stringify(r)),
      ),
    );
  });
});
