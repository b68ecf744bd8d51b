import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Unknown department names and the matches the data-quality report suggests
 * (mart_department_alias_suggestions), worked by hand against the shipped tables:
 *   K. Cấp cứu: without "K." it is "Cấp cứu", folded 'capcuu', as Khoa Cấp cứu (emergency): prefix.
 *   Sản: 'san', as Khoa Sản (obstetrics_gynecology): prefix.
 *   UB: the initials of Ung bướu (oncology): abbreviation.
 *   Dept of Cardiology: 'cardiology', as Cardiology: prefix.
 *   Cardiolgy: one letter from 'cardiology': edit_distance 1.
 *   睡眠医学中心 and Frailty Hub: nothing close; kept and reported with no suggestion.
 */
const VN = ['id,received_at,department,text', '1,2025-06-03 09:00,K. Cấp cứu,chờ lâu', '2,2025-06-03 10:00,Sản,chờ lâu', '3,2025-06-03 11:00,Sản,chờ lâu', '4,2025-06-03 12:00,UB,chờ lâu'].join('\n');
const UK = ['id,received_at,department,text', '1,2025-06-03 09:00,Dept of Cardiology,long wait', '2,2025-06-03 10:00,Cardiolgy,long wait', '3,2025-06-03 11:00,Frailty Hub,long wait'].join('\n');
const CN = ['id,received_at,department,text', '1,2025-06-03 09:00,睡眠医学中心,预约太难'].join('\n');

let ws: Workspace;
let summary: RunSummary;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('vn/feedback.csv', VN);
  await ws.write('uk/feedback.csv', UK);
  await ws.write('cn/feedback.csv', CN);
  await ws.run({ asOf: '2025-06-13' });
  summary = JSON.parse(readFileSync(join(ws.out, 'run-summary.json'), 'utf8')) as RunSummary;
}, 300_000);
afterAll(async () => {
  await ws.dispose();
});

describe('suggested matches for unknown department names', () => {
  it('are exported as rows ready for department_aliases.csv (alias, code), with the name in the alias’s language and how they were found', () => {
    const rows = ws.exported('department_alias_suggestions').map((r) => [r.hospital, r.alias, r.code, r.name, r.method, r.distance, r.feedback_records]);
    expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(
      new Set(
        [
          ['vn', 'K. Cấp cứu', 'emergency', 'Khoa Cấp cứu', 'prefix', '', '1'],
          ['vn', 'Sản', 'obstetrics_gynecology', 'Khoa Phụ sản', 'prefix', '', '2'],
          ['vn', 'UB', 'oncology', 'Oncology', 'abbreviation', '', '1'],
          ['uk', 'Dept of Cardiology', 'cardiology', 'Cardiology', 'prefix', '', '1'],
          ['uk', 'Cardiolgy', 'cardiology', 'Cardiology', 'edit_distance', '1', '1'],
        ].map((r) => JSON.stringify(r)),
      ),
    );
  });

  it('stand beside each unknown name in the run summary’s data-quality report, and a name with none has an empty list', () => {
    const byName = new Map(summary.data_quality.unknown_departments.map((d) => [`${d.hospital} ${d.name}`, d.suggestions]));
    expect(byName.get('vn K. Cấp cứu')).toEqual([{ code: 'emergency', name: 'Khoa Cấp cứu', method: 'prefix' }]);
    expect(byName.get('uk Frailty Hub')).toEqual([]);
    expect(byName.get('cn 睡眠医学中心')).toEqual([]);
    expect(byName.size).toBe(7);
  });
});
