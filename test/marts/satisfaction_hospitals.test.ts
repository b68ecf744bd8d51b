// Contract v2 sections 1 and 5, issue 12 item 1: satisfaction per hospital. Two hospitals writing
// the same language, with a department of the same name, are never counted, charted or compared as one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const A = 'Bệnh viện Sơn Nam';
const B = 'Bệnh viện Sơn Nam cơ sở 2';

/**
 * April 2025, one item (q_a1) a respondent, so each answer is a respondent:
 *   A, Khoa Nhi:  10 inpatients, 9 answer 5, 1 answers 2: 90 %;
 *   A, Khoa Mắt:  10 outpatients, 1 answers 4, 9 answer 1: 10 %; A as a whole: 10 of 20, 50 %;
 *   B, Khoa Nhi:  12 inpatients, 9 answer 4, 3 answer 2: 75 %.
 * Added up by name, Khoa Nhi would read 18 of 22 (81.8 %), and a single "ALL" 19 of 32.
 */
function surveyCsv(rows: [id: string, department: string, patientType: string, score: number][]): string {
  return ['response_id,submitted_at,department,patient_type,q_a1', ...rows.map(([id, d, p, s]) => `${id},2025-04-${String(1 + (Number(id.slice(1)) % 28)).padStart(2, '0')},${d},${p},${s}`)].join('\n');
}
const rowsA: [string, string, string, number][] = [
  ...Array.from({ length: 10 }, (_, i): [string, string, string, number] => [`N${i}`, 'Khoa Nhi', 'inpatient', i < 9 ? 5 : 2]),
  ...Array.from({ length: 10 }, (_, i): [string, string, string, number] => [`M${i}`, 'Khoa Mắt', 'outpatient', i < 1 ? 4 : 1]),
];
const rowsB = Array.from({ length: 12 }, (_, i): [string, string, string, number] => [`N${i}`, 'Khoa Nhi', 'inpatient', i < 9 ? 4 : 2]);

let ws: Workspace;
let index: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write(`${A}/psi.csv`, surveyCsv(rowsA));
  await ws.write(`${B}/psi.csv`, surveyCsv(rowsB));
  await ws.run({ asOf: '2025-04-30', lang: 'vi' });
  index = ws.exported('satisfaction_index');
}, 120_000);
afterAll(async () => {
  await ws.dispose();
});

describe('satisfaction per hospital', () => {
  it('keys every satisfaction_index row by hospital and patient type, ALL per hospital', () => {
    const all = index
      .filter((r) => r.dimension === 'all')
      .map((r) => [r.hospital, r.department, r.patient_type, r.responses, Number(r.pct_satisfied)])
      .sort();
    expect(all).toEqual(
      [
        [A, 'ALL', 'all', '20', 50],
        [A, 'ALL', 'inpatient', '10', 90],
        [A, 'ALL', 'outpatient', '10', 10],
        [A, 'Khoa Mắt', 'all', '10', 10],
        [A, 'Khoa Mắt', 'outpatient', '10', 10],
        [A, 'Khoa Nhi', 'all', '10', 90],
        [A, 'Khoa Nhi', 'inpatient', '10', 90],
        [B, 'ALL', 'all', '12', 75],
        [B, 'ALL', 'inpatient', '12', 75],
        [B, 'Khoa Nhi', 'all', '12', 75],
        [B, 'Khoa Nhi', 'inpatient', '12', 75],
      ].sort(),
    );
  });

  it('keeps the measures and the SPC charts per hospital', async () => {
    const measures = ws.exported('satisfaction_measures').map((r) => [r.hospital, r.department, r.responses]).sort();
    expect(measures).toEqual([[A, 'ALL', '20'], [A, 'Khoa Mắt', '10'], [A, 'Khoa Nhi', '10'], [B, 'ALL', '12'], [B, 'Khoa Nhi', '12']].sort());
    const spc = await ws.query<{ hospital: string; pct_satisfied: number }>("select hospital, pct_satisfied from mart_satisfaction_spc where department = 'Khoa Nhi' order by hospital");
    expect(spc).toEqual([
      { hospital: A, pct_satisfied: 90 },
      { hospital: B, pct_satisfied: 75 },
    ]);
  });

  it('compares departments within their hospital, and the hospitals in the group funnel', async () => {
    // A's two departments have the same effective size (p(1 − p) alike), so A's target is their mean, 50 %;
    // B's one department is its own target
    const funnel = await ws.query<{ hospital: string; department: string; target_pct: number }>('select hospital, department, target_pct from mart_satisfaction_funnel order by hospital, department');
    expect(funnel.map((r) => [r.hospital, r.department])).toEqual([
      [A, 'Khoa Mắt'],
      [A, 'Khoa Nhi'],
      [B, 'Khoa Nhi'],
    ]);
    expect(funnel[0]!.target_pct).toBeCloseTo(50, 9);
    expect(funnel[2]!.target_pct).toBeCloseTo(75, 9);
    const group = ws.exported('satisfaction_hospital_funnel').map((r) => [r.hospital, r.department, r.responses, Number(r.pct_satisfied), r.suppressed]);
    expect(group).toEqual([
      [A, 'ALL', '20', 50, 'false'],
      [B, 'ALL', '12', 75, 'false'],
    ]);
  });
});
