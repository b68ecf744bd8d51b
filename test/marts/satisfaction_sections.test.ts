import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * A section that falls for one patient type while the whole form and both types together do not.
 * One department, Khoa Ngoại tổng hợp, thirteen months 2024-06 .. 2025-06, run as of 2025-06-30. Every
 * month 20 inpatients and 20 outpatients each answer q_a1 (section A) and q_c1 (section C) with
 * 5 (satisfied) or 2:
 *   A, both types: 16 of 20 every month; in 2025-06 inpatients 19 of 20.
 *   C, both types: 18 then 17 of 20 in turn (90 %, 85 %); in 2025-06 inpatients 12 of 20 (60 %),
 *     outpatients 18 (the ward was renovated; the clinic was not).
 * Limits are held from the first 12 months (Making Data Count: a baseline, not every month).
 * Inpatient C: baseline mean (6·90 + 6·85)/12 = 87.5, moving ranges eleven 5s, limits
 *   87.5 ∓ 2.66·5 = [74.2, 100.8]: 60 < 74.2, Below LCL, 27.5 points under its mean.
 * Both types, C: the same baseline, 87.5 ∓ 13.3: (12 + 18)/40 = 75 % is inside (74.2), and no run
 *   rule holds (one point beyond the 2-sigma line 78.63). Pooling the forms hides it.
 * Inpatients, whole form: (16 + 18)/40, (16 + 17)/40, ... = 85, 82.5 in turn: mean 83.75, moving
 *   ranges 2.5, lower limit 83.75 − 2.66·2.5 = 77.1; then (19 + 12)/40 = 77.5 %: inside. Pooling
 *   the sections hides it.
 * One department: the funnel has one unit and nothing to compare; weeks of 5 respondents are not
 * watched. `ALL` is the same department: the hospital's warning says the same.
 */
const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, 5 + i, 1)).toISOString().slice(0, 7));
const rows = ['response_id,submitted_at,department,patient_type,q_a1,q_c1,comment'];
for (const [m, month] of months.entries()) {
  const last = m === 12;
  for (const type of ['inpatient', 'outpatient']) {
    const satisfiedA = last && type === 'inpatient' ? 19 : 16;
    const satisfiedC = last && type === 'inpatient' ? 12 : m % 2 === 0 ? 18 : 17;
    for (let i = 0; i < 20; i++) {
      const c = i < satisfiedC ? 5 : 2;
      // the dissatisfied inpatients of the falling month write why, one with a phone number
      const comment = last && type === 'inpatient' && c === 2 ? (i === 19 ? 'Phòng nóng, gọi tôi 0912345678' : `Bụi và ồn ${i}`) : '';
      rows.push(`${type}-${m}-${i},${month}-${String(10 + (i % 18)).padStart(2, '0')},Khoa Ngoại tổng hợp,${type},${i < satisfiedA ? 5 : 2},${c},"${comment}"`);
    }
  }
}

let ws: Workspace;
let warnings: WarningsFile['warnings'];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('psi.csv', rows.join('\n'));
  await ws.run({ asOf: '2025-06-30' });
  warnings = (JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile).warnings.filter((w) => w.kind === 'satisfaction_drop');
});
afterAll(async () => {
  await ws.dispose();
});

describe('satisfaction watched per section and patient type', () => {
  it('finds the inpatients’ section C and nothing pooled: not the whole form, not both types together', async () => {
    const drops = await ws.query<{ department: string; patient_type: string; dimension: string; method: string; reason: string; observed_pct: number; expected_pct: number }>(
      'select department, patient_type, dimension, method, reason, observed_pct, expected_pct from mart_satisfaction_drop order by department',
    );
    expect(drops.map(({ department, patient_type, dimension, method, reason }) => [department, patient_type, dimension, method, reason])).toEqual([
      ['ALL', 'inpatient', 'C', 'xmr', 'Below LCL'],
      ['Khoa Ngoại tổng hợp', 'inpatient', 'C', 'xmr', 'Below LCL'],
    ]);
    expect(drops[1]!.observed_pct).toBeCloseTo(60, 12);
    expect(drops[1]!.expected_pct).toBeCloseTo(87.5, 9);
    const pooled = await ws.query<{ patient_type: string; dimension: string; lower_limit_pct: number; point_type: string }>(
      "select patient_type, dimension, lower_limit_pct, point_type from mart_satisfaction_cell_spc where department = 'Khoa Ngoại tổng hợp' and month = '2025-06' and ((patient_type = 'all' and dimension = 'C') or (patient_type = 'inpatient' and dimension = 'all'))",
    );
    expect(pooled.map((r) => r.point_type)).toEqual(['common_cause', 'common_cause']);
    expect(pooled.find((r) => r.patient_type === 'all')!.lower_limit_pct).toBeCloseTo(87.5 - 2.66 * 5, 9);
  });

  it('raises one warning for the department naming the section, the patient type, the rule and observed against expected', () => {
    const ward = warnings.find((w) => w.department === 'Khoa Ngoại tổng hợp')!;
    expect(ward).toMatchObject({ method: 'xmr', severity: 'high', period_start: '2025-06-01', period_end: '2025-06-30', evidence_ids: [] });
    expect(ward.observed).toBeCloseTo(60, 12);
    expect(ward.expected).toBeCloseTo(87.5, 9);
    expect(ward.satisfaction).toMatchObject({ section: 'C', patient_type: 'inpatient', grain: 'month', period: '2025-06', rule: 'Below LCL' });
    expect(ward.summary).toBe('Satisfaction with section C among inpatients in Khoa Ngoại tổng hợp fell to 60% in 2025-06 (expected 87.5%): below the lower limit.');
    expect(warnings.map((w) => w.department)).toEqual([null, 'Khoa Ngoại tổng hợp']);
  });

  it('quotes the comments of inpatients dissatisfied with section C, redacted', () => {
    const quotes = warnings.find((w) => w.department === 'Khoa Ngoại tổng hợp')!.quotes!;
    expect(quotes).toHaveLength(3);
    expect(quotes.every((q) => q.startsWith('Bụi và ồn') || q.startsWith('Phòng nóng'))).toBe(true);
    expect(JSON.stringify(warnings)).not.toContain('0912345678');
  });
});
