import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Two of the hospital's own practices from the input to the pages: the survey mode of each response
 * (hearken's extension of the survey record), and divisions from a `parent` column in the
 * hospital's own departments.csv. May 2025 (the latest complete month on 2025-06-10):
 *   kiosk.csv: 12 responses taken 病房走访 (ward_visit), each answering 5 and 4 → 100%;
 *              3 taken 'by drone' (nobody's spelling: `other`, reported as not recognised)
 *   paper.csv: 5 responses, no survey_mode column: in no mode's row, their hashes as before
 *   complaints: 心内科 2 and 呼吸科 1, both in 内科系统 (the `medicine` row); 急诊科 1, in no division
 */
const ward = Array.from({ length: 12 }, (_, i) => `w${i + 1},2025-05-${String(i + 2).padStart(2, '0')} 10:00,心内科,病房走访,5,4`);
const drone = Array.from({ length: 3 }, (_, i) => `d${i + 1},2025-05-20 10:00,心内科,by drone,2,3`);
const paper = Array.from({ length: 5 }, (_, i) => `p${i + 1},2025-05-21 10:00,呼吸科,5,5`);
const OWN_DEPARTMENTS = [
  'code,name_en,name_zh,name_vi,parent',
  'cardiology,Cardiology,心血管内科,Khoa Nội tim mạch,medicine',
  'respiratory,Respiratory Medicine,呼吸与危重症医学科,Khoa Nội hô hấp,medicine',
  'medicine,Medicine division,内科系统,Khối Nội,',
].join('\n');

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('kiosk.csv', ['response_id,submitted_at,department,survey_mode,q_a1,q_a2', ...ward, ...drone].join('\n'));
  await ws.write('paper.csv', ['response_id,submitted_at,department,q_a1,q_a2', ...paper].join('\n'));
  await ws.write(
    'complaints.csv',
    ['id,received_at,department,category,text', 'c1,2025-05-03 09:00,心内科,process,排队太久', 'c2,2025-05-04 09:00,心内科,attitude,态度差', 'c3,2025-05-05 09:00,呼吸科,process,等候太久', 'c4,2025-05-06 09:00,急诊科,process,等候太久'].join('\n'),
  );
  await ws.write('../reference/departments.csv', OWN_DEPARTMENTS);
  await ws.write('hearken.config.json', JSON.stringify({ reference_dirs: ['../reference'] }));
  await ws.run({ asOf: '2025-06-10' });
}, 300_000);
afterAll(async () => {
  await ws.dispose();
});

describe('survey modes', () => {
  it('keeps each response’s mode, an unknown spelling as other with its spelling reported', async () => {
    const modes = await ws.query<{ source: string; survey_mode: string | null; survey_mode_raw: string | null; responses: number }>(
      'select source, survey_mode, survey_mode_raw, count(*)::integer as responses from survey_responses group by all order by all',
    );
    expect(modes).toEqual([
      { source: 'kiosk', survey_mode: 'other', survey_mode_raw: 'by drone', responses: 3 },
      { source: 'kiosk', survey_mode: 'ward_visit', survey_mode_raw: '病房走访', responses: 12 },
      { source: 'paper', survey_mode: null, survey_mode_raw: null, responses: 5 },
    ]);
    expect(await ws.query("select field, value_raw, records from mart_unrecognised_values where field = 'survey_mode'")).toEqual([{ field: 'survey_mode', value_raw: 'by drone', records: 3 }]);
  });

  it('exports satisfaction by mode and says it on the satisfaction page', () => {
    const rows = ws.exported('satisfaction_modes').map(({ hospital, month, survey_mode, responses, pct_satisfied, suppressed }) => ({ hospital: !!hospital, month, survey_mode, responses, pct_satisfied, suppressed }));
    expect(rows).toEqual([
      { hospital: true, month: '2025-05', survey_mode: 'other', responses: '3', pct_satisfied: '', suppressed: 'true' },
      { hospital: true, month: '2025-05', survey_mode: 'ward_visit', responses: '12', pct_satisfied: '100.0', suppressed: 'false' },
    ]);
    expect(readFileSync(join(ws.out, 'zh', 'leadership.html'), 'utf8')).toContain('按调查方式的满意度指数（<time datetime="2025-05">2025年5月</time>）：病房走访 100.0% (12)；其他 应答过少');
  });
});

describe('divisions', () => {
  it('rolls the departments of a division up and shows them in the page’s language', () => {
    const rows = ws.exported('division_kpis').map(({ division, month, received, resolution_rate, responses, suppressed }) => ({ division, month, received, resolution_rate, responses, suppressed }));
    expect(rows).toEqual([{ division: 'medicine', month: '2025-05', received: '3', resolution_rate: '0.0', responses: '20', suppressed: 'false' }]);
    expect(readFileSync(join(ws.out, 'zh', 'leadership.html'), 'utf8')).toContain('内科系统');
    expect(readFileSync(join(ws.out, 'leadership.html'), 'utf8')).toContain('Medicine division');
  });
});
