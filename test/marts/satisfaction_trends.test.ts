import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCompleteMonth } from '../../pipeline/satisfaction/trends.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Trends of pct_satisfied (dimension `all`) on a small hospital with a planted drop. Every
 * respondent answers one item, q_a1: 5 (satisfied) or 2. Thirteen months, 2024-06 .. 2025-06; the
 * run is as of 2025-06-30, so 2025-06 is the latest complete month.
 *
 * Khoa Nhi: 10 respondents a month, 8 then 9 satisfied in turn (80 %, 90 %, ... twelve months),
 * then 2025-06: 6 of 20 (30 %), the planted drop.
 *   XmR (Making Data Count): limits from the 12-month baseline and held: mean (6·80 + 6·90)/12 = 85;
 *   moving ranges eleven 10s, mean 10 (none ≥ 3.267 × 10, none screened); limits 85 ∓ 2.66 × 10 =
 *   [58.4, 111.6]: 30 is below the lower limit, a special cause of concern (higher is better). One
 *   month after the baseline is no sustained shift, so the limits are not recalculated.
 * Nine other departments: 20 respondents a month, alternating between two counts (e.g. 17, 18 of
 * 20), and in 2025-06 16..19 of 20: 80, 85, 90, 95 %. Khoa Mắt has only 4 respondents in 2024-12:
 *   that month is suppressed and left out of its chart, which then has 12 points: trial limits.
 * Funnel, 2025-06: each department answered one item per respondent, so n_eff = n − 1 = 19 (the
 *   ratio-estimator variance p(1 − p)/(n − 1)); target = (30 + 2·80 + 3·85 + 2·90 + 2·95)/10 = 81.5 %.
 *   z = 2√19 (asin√p − asin√0.815): Khoa Nhi 8.7178 × (0.57964 − 1.12617) = −4.7646; 80 % −0.1659,
 *   85 % 0.4091, 90 % 1.0712, 95 % 1.9101. Winsorised at the type-7 10 % and 90 % quantiles:
 *   Khoa Nhi's z becomes −4.7646 + 0.9 × (−0.1659 + 4.7646) = −0.6257 (the top stays 1.9101).
 *   φ = mean z² = (0.3916 + 2·0.0275 + 3·0.1673 + 2·1.1474 + 2·3.6486)/10 = 1.0541 > 1, so the
 *   limits are adjusted: w = 1/s² = 4 × 19 = 76 each, τ² = (10φ − 9)/(760 − 76) = 0.0022524;
 *   lower 99.8 % = 100 sin²(1.12617 − 3.090232 √(1/76 + τ²)) = 45.721 %: Khoa Nhi (30 %) is below.
 */
const months = Array.from({ length: 13 }, (_, i) => new Date(Date.UTC(2024, 5 + i, 1)).toISOString().slice(0, 7));
type Cell = { n: number; satisfied: number };
const alternate = (a: Cell, b: Cell): Cell[] => Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b));
const others: [string, number, number, number][] = [
  ['Khoa Mắt', 17, 18, 18], ['Khoa Tai Mũi Họng', 18, 17, 17], ['Khoa Da liễu', 16, 17, 16],
  ['Khoa Nội tiết', 19, 18, 19], ['Khoa Lão khoa', 17, 18, 17], ['Khoa Răng Hàm Mặt', 18, 17, 18],
  ['Khoa Tâm thần', 17, 16, 16], ['Khoa Sơ sinh', 18, 19, 19], ['Khoa Nội thận', 17, 18, 17],
];
const plan: Record<string, Cell[]> = {
  'Khoa Nhi': [...alternate({ n: 10, satisfied: 8 }, { n: 10, satisfied: 9 }), { n: 20, satisfied: 6 }],
  ...Object.fromEntries(
    others.map(([department, a, b, june]) => [
      department,
      [...alternate({ n: 20, satisfied: a }, { n: 20, satisfied: b }), { n: 20, satisfied: june }],
    ]),
  ),
};
plan['Khoa Mắt']![6] = { n: 4, satisfied: 4 };

const rows = ['response_id,submitted_at,department,q_a1'];
for (const [department, cells] of Object.entries(plan)) {
  cells.forEach((cell, m) => {
    for (let i = 0; i < cell.n; i++) {
      rows.push(`${department}-${m}-${i},${months[m]}-1${i % 9},${department},${i < cell.satisfied ? 5 : 2}`);
    }
  });
}

interface SpcRow {
  department: string;
  month: string;
  responses: number;
  suppressed: boolean;
  pct_satisfied: number | null;
  mean_pct: number | null;
  lower_limit_pct: number | null;
  upper_limit_pct: number | null;
  special_cause_type: string | null;
  point_type: string | null;
  trial_limits: boolean | null;
  limits_from: string | null;
}

let ws: Workspace;
let spc: SpcRow[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('psi.csv', rows.join('\n'));
  await ws.run({ asOf: '2025-06-30' });
  spc = await ws.query<SpcRow>('select * from mart_satisfaction_spc');
});
afterAll(async () => {
  await ws.dispose();
});

const point = (department: string, month: string) => spc.find((r) => r.department === department && r.month === month)!;

describe('latest complete month', () => {
  it('is the month of the analysis date on its last day, else the month before', () => {
    expect(latestCompleteMonth('2025-06-30')).toBe('2025-06');
    expect(latestCompleteMonth('2025-06-29')).toBe('2025-05');
    expect(latestCompleteMonth('2025-01-15')).toBe('2024-12');
    expect(latestCompleteMonth('2024-02-29')).toBe('2024-02');
  });
});

describe('mart_satisfaction_spc', () => {
  it('has one row per department (and ALL) per month with responses', () => {
    expect(spc).toHaveLength(11 * 13);
    expect(new Set(spc.map((r) => r.department)).size).toBe(11);
  });

  it('matches the hand-worked XmR limits and flags the planted drop as a special cause of concern', () => {
    const june = point('Khoa Nhi', '2025-06');
    expect(june).toMatchObject({ responses: 20, suppressed: false, pct_satisfied: 30, special_cause_type: 'Below LCL', point_type: 'special_cause_concern', trial_limits: false });
    expect(june.mean_pct).toBeCloseTo(85, 9);
    expect(june.lower_limit_pct).toBeCloseTo(85 - 26.6, 9);
    expect(june.upper_limit_pct).toBeCloseTo(85 + 26.6, 9);
    expect(june.limits_from).toBe('2024-06');
    expect(point('Khoa Nhi', '2025-05')).toMatchObject({ pct_satisfied: 90, point_type: 'common_cause' });
  });

  it('keeps a suppressed month as a row without numbers, and charts the months that remain', () => {
    expect(point('Khoa Mắt', '2024-12')).toEqual({
      hospital: 'input', department: 'Khoa Mắt', month: '2024-12', responses: 4, suppressed: true, pct_satisfied: null, mean_pct: null,
      lower_limit_pct: null, upper_limit_pct: null, special_cause_type: null, point_type: null, special_cause: null,
      outside_limits: null, rule_shift: null, rule_trend: null, rule_two_in_three: null, trial_limits: null, limits_from: null,
    });
    // 12 charted months: (5·85 + 6·90 + 90)/12
    expect(point('Khoa Mắt', '2025-06')).toMatchObject({ pct_satisfied: 90, trial_limits: true, point_type: 'common_cause' });
    expect(point('Khoa Mắt', '2025-06').mean_pct).toBeCloseTo((5 * 85 + 7 * 90) / 12, 9);
  });
});

describe('mart_satisfaction_funnel', () => {
  it('compares the departments in the latest complete month, corrected for overdispersion', async () => {
    const funnel = await ws.query<Record<string, number | string | boolean>>('select * from mart_satisfaction_funnel order by department');
    expect(funnel).toHaveLength(10);
    expect(funnel.every((r) => r.month === '2025-06' && r.suppressed === false)).toBe(true);
    const nhi = funnel.find((r) => r.department === 'Khoa Nhi')!;
    expect(nhi.effective_n).toBeCloseTo(19, 9);
    expect(nhi.target_pct).toBeCloseTo(81.5, 9);
    expect(nhi.z_score).toBeCloseTo(-4.76458, 4);
    expect(nhi.phi).toBeCloseTo(1.05406, 4);
    expect(nhi.tau2).toBeCloseTo(0.0022524, 6);
    expect(nhi.overdispersion_adjusted).toBe(true);
    // judged against the adjusted limits: (asin √0.30 − asin √0.815) / √(1/(4·19) + τ²) = −4.4026
    expect(nhi.z_judged).toBeCloseTo(-4.40263, 3);
    expect(nhi.lower_998_pct).toBeCloseTo(45.7214, 3);
    expect(funnel.filter((r) => r.below_lower_998).map((r) => r.department)).toEqual(['Khoa Nhi']);
    expect(funnel.filter((r) => r.below_lower_95 || r.above_upper_95).map((r) => r.department)).toEqual(['Khoa Nhi']);
  });
});

describe('mart_satisfaction_drop', () => {
  it('lists the planted department by both methods, and not the hospital as a whole: its fall is inside its own month’s noise', async () => {
    const drops = await ws.query(
      "select department, period_start::varchar as period_start, period_end::varchar as period_end, method, reason, responses, observed_pct from mart_satisfaction_drop where patient_type = 'all' and dimension = 'all'",
    );
    // ALL in 2025-06: (6 + 18 + 17 + 16 + 19 + 17 + 18 + 16 + 19 + 17)/200 = 163/200 = 81.5 %, below
    // its chart's lower limit (the other departments alternate without noise), but its own 99.8%
    // interval (Wilson on n_eff = 199, z = 3.0902) reaches 88.49 %, above its centre line of 87.4 %.
    // Khoa Nhi's (6 of 20, n_eff 19) reaches 64.02 %, far below its 85.
    const [all] = await ws.query<{ upper_998_pct: number; mean_pct: number; point_type: string }>(
      "select upper_998_pct, mean_pct, point_type from mart_satisfaction_cell_spc where department = 'ALL' and patient_type = 'all' and dimension = 'all' and month = '2025-06'",
    );
    expect(all!.point_type).toBe('special_cause_concern');
    expect(all!.upper_998_pct).toBeCloseTo(88.4909, 3);
    expect(all!.upper_998_pct).toBeGreaterThan(all!.mean_pct);
    const [nhi] = await ws.query<{ upper_998_pct: number }>("select upper_998_pct from mart_satisfaction_cell_spc where department = 'Khoa Nhi' and patient_type = 'all' and dimension = 'all' and month = '2025-06'");
    expect(nhi!.upper_998_pct).toBeCloseTo(64.0244, 3);
    expect(drops).toEqual([
      { department: 'Khoa Nhi', period_start: '2025-06-01', period_end: '2025-06-30', method: 'funnel', reason: 'below the lower 99.8% limit', responses: 20, observed_pct: 30 },
      { department: 'Khoa Nhi', period_start: '2025-06-01', period_end: '2025-06-30', method: 'xmr', reason: 'Below LCL', responses: 20, observed_pct: 30 },
    ]);
    // q_a1 is the only item: section A is the whole form, and no response has a patient type
    const cells = await ws.query<{ dimension: string; patient_type: string }>('select distinct dimension, patient_type from mart_satisfaction_drop order by all');
    expect(cells).toEqual([{ dimension: 'A', patient_type: 'all' }, { dimension: 'all', patient_type: 'all' }]);
  });

  it('becomes one satisfaction_drop warning per department, both methods merged, in warnings.json', async () => {
    const [nhi] = await ws.query<{ expected: number }>("select expected_pct as expected from mart_satisfaction_drop where department = 'Khoa Nhi' and method = 'xmr'");
    const warnings = (JSON.parse(readFileSync(join(ws.out, 'warnings.json'), 'utf8')) as WarningsFile).warnings.filter((w) => w.kind === 'satisfaction_drop');
    // both below their lower limit: high; the whole hospital raises none (above)
    expect(warnings.map((w) => [w.department, w.method, w.severity, w.status, w.observed, w.period_start, w.period_end])).toEqual([
      ['Khoa Nhi', 'funnel+xmr', 'high', 'new', 30, '2025-06-01', '2025-06-30'],
    ]);
    expect(warnings[0]?.expected).toBeCloseTo(nhi!.expected, 12);
    // a section before the whole form when they fell as far; the month's XmR chart, its own history, before the funnel
    expect(warnings[0]?.satisfaction).toMatchObject({ section: 'A', patient_type: 'all', grain: 'month', period: '2025-06', rule: 'Below LCL', quotes: [] });
    expect(warnings[0]?.satisfaction?.cells).toHaveLength(4);
    // 7 working days after Monday 30 June: 1-4 and 7-9 July
    expect(warnings[0]?.due_date).toBe('2025-07-09');
  });

  it('is published with the SPC and funnel tables under OUT/data', () => {
    for (const name of ['satisfaction_spc', 'satisfaction_funnel', 'satisfaction_measures']) {
      expect(existsSync(join(ws.out, 'data', `${name}.csv`)), name).toBe(true);
      expect(existsSync(join(ws.out, 'data', `${name}.parquet`)), name).toBe(true);
    }
  });
});
