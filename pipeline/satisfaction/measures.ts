import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import { clusteredProportion } from '../statistics/clustered_proportion.ts';
import { netPromoterScoreFromCounts } from '../statistics/net_promoter_score.ts';
import { wilsonInterval } from '../statistics/wilson_interval.ts';
import { writeTable, type TableCell, type TableColumn } from '../table-writer.ts';

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

/** The columns of export satisfaction_measures, in order. */
export const MEASURE_COLUMNS: readonly TableColumn[] = [
  { name: 'hospital', type: 'varchar' },
  { name: 'department', type: 'varchar' },
  { name: 'month', type: 'varchar' },
  { name: 'responses', type: 'integer' },
  { name: 'comprehensive_pct', type: 'double' },
  { name: 'comprehensive_ci_low', type: 'double' },
  { name: 'comprehensive_ci_high', type: 'double' },
  { name: 'top_box_pct', type: 'double' },
  { name: 'top_box_ci_low', type: 'double' },
  { name: 'top_box_ci_high', type: 'double' },
  { name: 'mean_score', type: 'double' },
  { name: 'nps_responses', type: 'integer' },
  { name: 'nps', type: 'double' },
  { name: 'nps_ci_low', type: 'double' },
  { name: 'nps_ci_high', type: 'double' },
  { name: 'unknown_item_answers', type: 'integer' },
  { name: 'suppressed', type: 'boolean' },
];

/**
 * The measures of one department-month from its counts: the comprehensive index (respondents who
 * gave 4 or 5 on every item they answered; Wilson 1927 interval on respondents), top-box share
 * (answers of 5 / all answers; ratio-estimator interval that respects answers clustering in
 * respondents, `clusteredProportion`), mean score, and NPS with its variance-formula interval
 * (`netPromoterScoreFromCounts`). Below `minResponses` respondents the row is suppressed and carries
 * only its counts; NPS is also left blank when fewer than `minResponses` gave a `recommend`.
 * Percentages and NPS are on the 0..100 (NPS −100..100) scale.
 *
 * @example measureRow(counts, 10) // ['Bệnh viện A', 'Khoa Nhi', '2025-04', 12, 58.33, …, false]
 */
export function measureRow(row: MeasureCountsRow, minResponses: number): TableCell[] {
  const head: TableCell[] = [row.hospital, row.department, row.month, row.responses];
  const tail = (suppressed: boolean): TableCell[] => [row.unknown_item_answers, suppressed];
  if (row.responses < minResponses) {
    return [...head, null, null, null, null, null, null, null, row.nps_responses, null, null, null, ...tail(true)];
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
  return [
    ...head,
    100 * comprehensive.estimate,
    100 * comprehensive.lower,
    100 * comprehensive.upper,
    100 * topBox.estimate,
    100 * topBox.lower,
    100 * topBox.upper,
    row.score_sum / row.answers,
    row.nps_responses,
    nps?.estimate ?? null,
    nps?.lower ?? null,
    nps?.upper ?? null,
    ...tail(false),
  ];
}

/**
 * Builds export_satisfaction_measures (one row per hospital per department, or the hospital's `ALL`, per month) from
 * mart_satisfaction_measure_counts; see {@link measureRow} for the measures and their intervals.
 */
export async function buildSatisfactionMeasures(connection: DuckDBConnection, minResponses: number): Promise<void> {
  const rows = await queryRows<MeasureCountsRow>(connection, 'select * from mart_satisfaction_measure_counts');
  await writeTable(connection, 'export_satisfaction_measures', MEASURE_COLUMNS, rows.map((row) => measureRow(row, minResponses)));
}
