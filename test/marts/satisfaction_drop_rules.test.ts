import { describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import { appendRows } from '../../pipeline/table-writer.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * mart_satisfaction_drop at the model level, on hand-made chart rows of one hospital, month
 * 2025-06, week of 2025-06-09 (the week before 2025-06-02):
 *   Khoa A, whole form: Below LCL on its monthly chart, 84.7 against 89.9, but its own 99.8%
 *     interval reaches 92.6: the month's answers cannot tell the fall from chance. No signal.
 *   Khoa B, whole form: Below LCL, 70 against 88, its interval up to 80; and below its funnel
 *     (target 87): both signals, the funnel beside a fall on the cell's own chart.
 *   Khoa C, whole form: below the funnel's 99.8% limit (82.2 against 88.1), its own chart quiet:
 *     a position among its peers, not a fall. No signal.
 *   Khoa D, inpatients' section C: two weeks below the lower limit (48 and 45 against 85), the
 *     judged week's interval up to 68: a weekly signal. Khoa E, the same two weeks with an
 *     interval up to 86 (a week too small to say): none.
 */
const db = modelWarehouse({
  models: ['marts/mart_satisfaction_cell_spc', 'marts/mart_satisfaction_cell_funnel', 'marts/mart_satisfaction_weekly_spc'],
  variables: { satisfaction_month: '2025-06', satisfaction_week: '2025-06-09', satisfaction_min_drop_pct: 5, satisfaction_min_cell_drop_pct: 10 },
});

const head = (department: string, patient_type = 'all', dimension = 'all') => ({ hospital: 'Sơn Nam', department, patient_type, dimension, month: '2025-06', responses: 60, suppressed: false });
const spc = (department: string, observed: number, mean: number, lower: number, upper998: number) => ({
  ...head(department),
  pct_satisfied: observed,
  mean_pct: mean,
  lower_limit_pct: lower,
  upper_limit_pct: 2 * mean - lower,
  special_cause_type: 'Below LCL',
  point_type: 'special_cause_concern',
  special_cause: true,
  outside_limits: true,
  rule_shift: false,
  rule_trend: false,
  rule_two_in_three: false,
  trial_limits: false,
  limits_from: '2024-06',
  upper_998_pct: upper998,
});
const funnel = (department: string, observed: number, target: number) => ({
  ...head(department),
  effective_n: 200,
  pct_satisfied: observed,
  target_pct: target,
  z_score: -4,
  lower_95_pct: target - 4,
  upper_95_pct: target + 4,
  lower_998_pct: target - 5,
  upper_998_pct: target + 5,
  below_lower_95: true,
  above_upper_95: false,
  below_lower_998: true,
  above_upper_998: false,
  phi: 1,
  tau2: 0,
  overdispersion_adjusted: false,
  z_judged: -4,
});
const week = (department: string, monday: string, observed: number, upper998: number) => ({
  hospital: 'Sơn Nam',
  department,
  patient_type: 'inpatient',
  dimension: 'C',
  week: monday,
  responses: 20,
  suppressed: false,
  half_width_pct: 8,
  watched: true,
  pct_satisfied: observed,
  mean_pct: 85,
  lower_limit_pct: 70,
  upper_limit_pct: 100,
  below_lower_limit: true,
  upper_998_pct: upper998,
});

describe('mart_satisfaction_drop: a fall its own answers can tell, on its own chart', () => {
  it('keeps a chart’s fall only when its own 99.8% interval lies below the centre line, and a funnel signal only beside one', async () => {
    const { connection, query } = db();
    await appendRows(connection, 'mart_satisfaction_cell_spc', [spc('Khoa A', 84.7, 89.9, 85.3, 92.6), spc('Khoa B', 70, 88, 80, 80)]);
    await appendRows(connection, 'mart_satisfaction_cell_funnel', [funnel('Khoa B', 70, 87), funnel('Khoa C', 82.2, 88.1)]);
    await appendRows(connection, 'mart_satisfaction_weekly_spc', [
      week('Khoa D', '2025-06-02', 48, 70),
      week('Khoa D', '2025-06-09', 45, 68),
      week('Khoa E', '2025-06-02', 48, 86),
      week('Khoa E', '2025-06-09', 45, 86),
    ]);
    await runModel(connection, 'marts/mart_satisfaction_drop');
    const drops = await query<{ department: string; patient_type: string; dimension: string; method: string; observed_pct: number }>(
      'select department, patient_type, dimension, method, observed_pct from mart_satisfaction_drop order by department, method',
    );
    expect(drops).toEqual([
      { department: 'Khoa B', patient_type: 'all', dimension: 'all', method: 'funnel', observed_pct: 70 },
      { department: 'Khoa B', patient_type: 'all', dimension: 'all', method: 'xmr', observed_pct: 70 },
      { department: 'Khoa D', patient_type: 'inpatient', dimension: 'C', method: 'xmr_weekly', observed_pct: 45 },
    ]);
  });
});
