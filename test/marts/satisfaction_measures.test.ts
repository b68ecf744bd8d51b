import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * satisfaction_measures, worked by hand. Khoa Nhi, April 2025, 12 respondents (items a1, b1, d1;
 * recommend 0..10):
 *   R1–R5   5 5 5, recommend 10   every answer 4–5; three 5s of 3 answers; promoter
 *   R6–R8   4 5 4, recommend 9    every answer 4–5; one 5 of 3;           promoter
 *   R9–R10  5 3 –, recommend 7    a 3;              one 5 of 2;           passive
 *   R11     2 4 5, recommend 5    a 2;              one 5 of 3;           detractor
 *   R12     4 – –, no recommend   every answer 4–5; no 5 of 1
 * Comprehensive index: 5 + 3 + 1 = 9 of 12 respondents = 75 %; Wilson 95 % (prop.test(9, 12,
 *   correct = FALSE)): [46.769 %, 91.106 %].
 * Top box: Σt = 15 + 3 + 2 + 1 + 0 = 21 fives of Σm = 15 + 9 + 4 + 3 + 1 = 32 answers = 65.625 %.
 *   Clustered: Σt² = 45 + 3 + 2 + 1 = 51, Σtm = 45 + 9 + 4 + 3 = 61, Σm² = 45 + 27 + 8 + 9 + 1 = 90;
 *   Σ(t − p·m)² = 51 − 2(0.65625)(61) + 0.65625²(90) = 9.697266; m̄ = 32/12;
 *   v = 9.697266 / (12 · 11 · m̄²) = 0.0103309; n_eff = p(1 − p)/v = 0.2255859/0.0103309 = 21.836;
 *   Wilson on n_eff: centre (p + z²/2n)/(1 + z²/n) = 0.632873, half-width 0.185190 →
 *   [44.768 %, 81.806 %].
 * Mean score: (5·15 + 3·13 + 2·8 + 11 + 4) / 32 = 145/32 = 4.53125.
 * NPS: 11 answers, 8 promoters, 1 detractor: 100(8 − 1)/11 = 63.636; variance
 *   100²(9/11 − (7/11)²)/11 = 375.657, se 19.382, ± 1.959964 se → [25.649, 101.624] (not clipped).
 * Khoa Nhi, May 2025: 10 respondents answer a1 = 4, two recommend 10: comprehensive 100 %, top box
 *   0 % (interval [0, z²/n/(1 + z²/n)] = [0, 27.753 %]), mean 4; NPS blank, 2 < 10 answers.
 * Khoa Cấp cứu, April: 3 respondents (a1 = 5, recommend 10): suppressed, counts only.
 * ALL, April: 15 respondents, 12 comprehensive = 80 % [54.815 %, 92.952 %]; top box 24/35;
 *   NPS 14 answers, 11 promoters, 1 detractor: 100 · 10/14 = 71.429.
 */
const april = [
  ...Array.from({ length: 5 }, (_, i) => `N${i + 1},2025-04-0${i + 1},Khoa Nhi,5,5,5,10`),
  ...Array.from({ length: 3 }, (_, i) => `N${i + 6},2025-04-10,Khoa Nhi,4,5,4,9`),
  ...Array.from({ length: 2 }, (_, i) => `N${i + 9},2025-04-11,Khoa Nhi,5,3,,7`),
  'N11,2025-04-12,Khoa Nhi,2,4,5,5',
  'N12,2025-04-13,Khoa Nhi,4,,,',
  ...Array.from({ length: 3 }, (_, i) => `C${i + 1},2025-04-14,Khoa Cấp cứu,5,,,10`),
];
const may = Array.from({ length: 10 }, (_, i) => `M${i + 1},2025-05-02,Khoa Nhi,4,,,${i < 2 ? 10 : ''}`);

let ws: Workspace;
let measures: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('psi.csv', ['response_id,submitted_at,department,q_a1,q_b1,q_d1,recommend', ...april, ...may].join('\n'));
  await ws.run();
  measures = ws.exported('satisfaction_measures');
});
afterAll(async () => {
  await ws.dispose();
});

const row = (department: string, month: string) => measures.find((r) => r.department === department && r.month === month)!;
const num = (department: string, month: string, column: string) => Number(row(department, month)[column]);

describe('satisfaction_measures export', () => {
  it('has one row per department (and ALL) per month', () => {
    // with the hospital first and the run last, as on every export (contract section 5)
    expect(Object.keys(measures[0]!)).toEqual([
      'hospital', 'department', 'month', 'responses', 'comprehensive_pct', 'comprehensive_ci_low', 'comprehensive_ci_high',
      'top_box_pct', 'top_box_ci_low', 'top_box_ci_high', 'mean_score', 'nps_responses', 'nps', 'nps_ci_low', 'nps_ci_high',
      'unknown_item_answers', 'suppressed', 'run_id',
    ]);
    expect(measures.map((r) => `${r.month} ${r.department}`)).toEqual(['2025-04 ALL', '2025-04 Khoa Cấp cứu', '2025-04 Khoa Nhi', '2025-05 ALL', '2025-05 Khoa Nhi']);
  });

  it('matches the hand-worked comprehensive index and its Wilson interval', () => {
    expect(row('Khoa Nhi', '2025-04')).toMatchObject({ responses: '12', comprehensive_pct: '75.0', suppressed: 'false' });
    expect(num('Khoa Nhi', '2025-04', 'comprehensive_ci_low')).toBeCloseTo(46.7695, 3);
    expect(num('Khoa Nhi', '2025-04', 'comprehensive_ci_high')).toBeCloseTo(91.1058, 3);
    expect(num('ALL', '2025-04', 'comprehensive_pct')).toBe(80);
    expect(num('ALL', '2025-04', 'comprehensive_ci_low')).toBeCloseTo(54.8146, 3);
    expect(num('Khoa Nhi', '2025-05', 'comprehensive_pct')).toBe(100);
  });

  it('matches the hand-worked top box, its clustered interval, and the mean score', () => {
    expect(num('Khoa Nhi', '2025-04', 'top_box_pct')).toBe(65.625);
    expect(num('Khoa Nhi', '2025-04', 'top_box_ci_low')).toBeCloseTo(44.7685, 3);
    expect(num('Khoa Nhi', '2025-04', 'top_box_ci_high')).toBeCloseTo(81.8063, 3);
    expect(num('Khoa Nhi', '2025-04', 'mean_score')).toBe(4.53125);
    expect(num('ALL', '2025-04', 'top_box_pct')).toBeCloseTo((100 * 24) / 35, 9);
    expect(row('Khoa Nhi', '2025-05')).toMatchObject({ top_box_pct: '0.0', top_box_ci_low: '0.0', mean_score: '4.0' });
    expect(num('Khoa Nhi', '2025-05', 'top_box_ci_high')).toBeCloseTo(27.7532, 3);
  });

  it('matches the hand-worked NPS and its variance-formula interval, blank below 10 answers', () => {
    expect(row('Khoa Nhi', '2025-04').nps_responses).toBe('11');
    expect(num('Khoa Nhi', '2025-04', 'nps')).toBeCloseTo((100 * 7) / 11, 9);
    expect(num('Khoa Nhi', '2025-04', 'nps_ci_low')).toBeCloseTo(25.6486, 3);
    expect(num('Khoa Nhi', '2025-04', 'nps_ci_high')).toBeCloseTo(101.6242, 3);
    expect(num('ALL', '2025-04', 'nps')).toBeCloseTo((100 * 10) / 14, 9);
    expect(row('Khoa Nhi', '2025-05')).toMatchObject({ nps_responses: '2', nps: '', nps_ci_low: '', nps_ci_high: '', suppressed: 'false' });
  });

  it('suppresses a department with too few responses: counts, no number', () => {
    const { run_id: _run, ...suppressed } = row('Khoa Cấp cứu', '2025-04');
    expect(suppressed).toEqual({
      hospital: 'input', department: 'Khoa Cấp cứu', month: '2025-04', responses: '3',
      comprehensive_pct: '', comprehensive_ci_low: '', comprehensive_ci_high: '',
      top_box_pct: '', top_box_ci_low: '', top_box_ci_high: '', mean_score: '',
      nps_responses: '3', nps: '', nps_ci_low: '', nps_ci_high: '', unknown_item_answers: '0', suppressed: 'true',
    });
  });
});
