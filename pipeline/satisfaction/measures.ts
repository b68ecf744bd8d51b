import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { netPromoterScoreFromCounts } from '../statistics/net_promoter_score.ts';
import { wilsonInterval } from '../statistics/wilson_interval.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';

interface MeasureCountsRow {
  hospital: string;
  department: string;
  month: string;
  responses: number;
  comprehensive_satisfied: number;
  answers: number;
  top_box_answers: number;
  score_sum: number;
  top_sum_yy: number;
  top_sum_ym: number;
  sum_mm: number;
  unknown_item_answers: number;
  nps_responses: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** A row of export_satisfaction_measures (models/marts/export_satisfaction_measures.sql). */
export type MeasureRow = {
  hospital: string;
  department: string;
  month: string;
  responses: number;
  comprehensive_pct: number | null;
  comprehensive_ci_low: number | null;
  comprehensive_ci_high: number | null;
  top_box_pct: number | null;
  top_box_ci_low: number | null;
  top_box_ci_high: number | null;
  mean_score: number | null;
  nps_responses: number;
  nps: number | null;
  nps_ci_low: number | null;
  nps_ci_high: number | null;
  unknown_item_answers: number;
  suppressed: boolean;
};

/**
 * The measures of one department-month from its counts: the comprehensive index (respondents who
 * gave 4 or 5 on every item they answered; Wilson 1927 interval on respondents), top-box share
 * (answers of 5 / all answers; ratio-estimator interval that respects answers clustering in
 * respondents, `clusteredProportion`), mean score, and NPS with its variance-formula interval
 * (`netPromoterScoreFromCounts`). Below `minResponses` respondents the row is suppressed and carries
 * only its counts; NPS is also left blank when fewer than `minResponses` gave a `recommend`.
 * Percentages and NPS are on the 0..100 (NPS −100..100) scale.
 *
 * @example measureRow(counts, 10) // { hospital: 'Bệnh viện A', department: 'Khoa Nhi', month: '2025-04', responses: 12, comprehensive_pct: 58.33, …, suppressed: false }
 */
export function measureRow(row: MeasureCountsRow, minResponses: number): MeasureRow {
  const counts = { hospital: row.hospital, department: row.department, month: row.month, responses: row.responses, nps_responses: row.nps_responses, unknown_item_answers: row.unknown_item_answers };
  if (row.responses < minResponses) {
    return {
      ...counts,
      comprehensive_pct: null,
      comprehensive_ci_low: null,
      comprehensive_ci_high: null,
      top_box_pct: null,
      top_box_ci_low: null,
      top_box_ci_high: null,
      mean_score: null,
      nps: null,
      nps_ci_low: null,
      nps_ci_high: null,
      suppressed: true,
    };
  }
  const comprehensive = wilsonInterval(row.comprehensive_satisfied, row.responses);
  const topBox = clusteredProportion({
    n: row.responses,
    sumY: row.top_box_answers,
    sumM: row.answers,
    sumYY: row.top_sum_yy,
    sumYM: row.top_sum_ym,
    sumMM: row.sum_mm,
  });
  const nps =
    row.nps_responses >= minResponses
      ? netPromoterScoreFromCounts({ promoters: row.promoters, passives: row.passives, detractors: row.detractors })
      : null;
  return {
    ...counts,
    comprehensive_pct: 100 * comprehensive.estimate,
    comprehensive_ci_low: 100 * comprehensive.lower,
    comprehensive_ci_high: 100 * comprehensive.upper,
    top_box_pct: 100 * topBox.estimate,
    top_box_ci_low: 100 * topBox.lower,
    top_box_ci_high: 100 * topBox.upper,
    mean_score: row.score_sum / row.answers,
    nps: nps?.estimate ?? null,
    nps_ci_low: nps?.lower ?? null,
    nps_ci_high: nps?.upper ?? null,
    suppressed: false,
  };
}

/**
 * Builds export_satisfaction_measures (one row per hospital per department, or the hospital's `ALL`, per month) from
 * mart_satisfaction_measure_counts; see {@link measureRow} for the measures and their intervals.
 */
export async function buildSatisfactionMeasures(connection: DuckDBConnection, minResponses: number, models: StepModels): Promise<void> {
  const rows = await queryRows<MeasureCountsRow>(connection, 'select * from mart_satisfaction_measure_counts');
  await models.run('marts/export_satisfaction_measures');
  await appendRows(connection, 'export_satisfaction_measures', rows.map((row) => measureRow(row, minResponses)));
}
