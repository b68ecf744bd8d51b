import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Contract section 5, satisfaction_index, worked by hand. Khoa Nhi, April 2025, 12 respondents:
 * R1–R6 answer a1 5, a2 4, d1 5; R7–R9 a1 3, a2 4, d1 2; R10–R12 a1 2, a2 blank, d1 4.
 * A: 21 answers (6·2 + 3·2 + 3·1), 15 of them 4 or 5 (12 + 3 + 0): 71.43 %; mean (6·9 + 3·7 + 3·2)/21 = 3.857.
 * D: 12 answers, 9 satisfied (6 + 0 + 3): 75 %; mean (6·5 + 3·2 + 3·4)/12 = 4.
 *    One answer each: n_eff = 11, Wilson on p = 0.75, n = 11: [45.569 %, 91.490 %].
 * all: 33 answers, 24 satisfied: 72.73 %; mean (81 + 48)/33 = 3.909.
 * Khoa Cấp cứu has 3 respondents (a1 = 5 each): suppressed, no number. ALL, A: 24 answers, 18
 * satisfied (75 %), 15 respondents.
 */
const rows = [
  ...Array.from({ length: 6 }, (_, i) => `N${i + 1},2025-04-0${(i % 9) + 1},Khoa Nhi,5,4,5`),
  ...Array.from({ length: 3 }, (_, i) => `N${i + 7},2025-04-10,Khoa Nhi,3,4,2`),
  ...Array.from({ length: 3 }, (_, i) => `N${i + 10},2025-04-11,Khoa Nhi,2,,4`),
  ...Array.from({ length: 3 }, (_, i) => `C${i + 1},2025-04-12,Khoa Cấp cứu,5,,`),
];

let ws: Workspace;
let index: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('psi.csv', ['response_id,submitted_at,department,q_a1,q_a2,q_d1', ...rows].join('\n'));
  await ws.run();
  index = ws.exported('satisfaction_index');
});
afterAll(async () => {
  await ws.dispose();
});

const cell = (department: string, dimension: string) => index.find((r) => r.department === department && r.dimension === dimension);

describe('satisfaction_index export', () => {
  it('has the contract columns and one row per department, month and dimension answered', () => {
    expect(Object.keys(index[0]!)).toEqual(['hospital', 'department', 'patient_type', 'month', 'dimension', 'responses', 'pct_satisfied', 'mean_score', 'ci_low', 'ci_high', 'suppressed', 'run_id']);
    // no response gives a patient_type: every row is of them all
    expect(new Set(index.map((r) => r.patient_type))).toEqual(new Set(['all']));
    expect(index.map((r) => `${r.department}/${r.dimension}`)).toEqual(['ALL/A', 'ALL/D', 'ALL/all', 'Khoa Cấp cứu/A', 'Khoa Cấp cứu/all', 'Khoa Nhi/A', 'Khoa Nhi/D', 'Khoa Nhi/all']);
  });

  it('matches the hand-worked index, mean and interval', () => {
    expect(Number(cell('Khoa Nhi', 'A')?.pct_satisfied)).toBeCloseTo((100 * 15) / 21, 9);
    expect(Number(cell('Khoa Nhi', 'A')?.mean_score)).toBeCloseTo(81 / 21, 9);
    expect(cell('Khoa Nhi', 'D')).toMatchObject({ responses: '12', pct_satisfied: '75.0', mean_score: '4.0', suppressed: 'false' });
    expect(Number(cell('Khoa Nhi', 'D')?.ci_low)).toBeCloseTo(45.5687, 3);
    expect(Number(cell('Khoa Nhi', 'D')?.ci_high)).toBeCloseTo(91.4895, 3);
    expect(Number(cell('Khoa Nhi', 'all')?.pct_satisfied)).toBeCloseTo((100 * 24) / 33, 9);
    expect(Number(cell('Khoa Nhi', 'all')?.mean_score)).toBeCloseTo(129 / 33, 9);
    expect(cell('ALL', 'A')).toMatchObject({ responses: '15', pct_satisfied: '75.0' });
  });

  it('suppresses a department with too few responses: no number at all', () => {
    const { run_id: _run, ...suppressed } = cell('Khoa Cấp cứu', 'A')!;
    expect(suppressed).toEqual({
      hospital: 'input', department: 'Khoa Cấp cứu', patient_type: 'all', month: '2025-04', dimension: 'A', responses: '3',
      pct_satisfied: '', mean_score: '', ci_low: '', ci_high: '', suppressed: 'true',
    });
  });
});
