import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import { clusteredProportion, type ClusteredCounts } from '../statistics/clustered_proportion.ts';

/** How long a period of mart_satisfaction_period_counts is: a calendar month or an ISO week. */
export type Grain = 'month' | 'week';

/**
 * One period of one series of mart_satisfaction_period_counts (hospital, department or `ALL`,
 * patient type, dimension): its respondents and the sums the index and its interval are computed
 * from. Per respondent i with m_i answers, y_i of them 4 or 5: answers = Σm, satisfied_answers =
 * Σy, sum_yy = Σy², sum_ym = Σym, sum_mm = Σm².
 */
export interface PeriodCounts {
  hospital: string;
  department: string;
  patient_type: string;
  dimension: string;
  /** A month YYYY-MM, or a week's Monday YYYY-MM-DD. */
  period: string;
  responses: number;
  answers: number;
  satisfied_answers: number;
  score_sum: number;
  sum_yy: number;
  sum_ym: number;
  sum_mm: number;
}

/**
 * The periods of one grain of mart_satisfaction_period_counts, in the order the index is exported
 * in: hospital, period, the hospital's `ALL` first, department, patient type, dimension.
 */
export async function readPeriodCounts(connection: DuckDBConnection, grain: Grain): Promise<PeriodCounts[]> {
  return queryRows<PeriodCounts>(
    connection,
    `select hospital, department, patient_type, dimension, period, responses, answers, satisfied_answers, score_sum, sum_yy, sum_ym, sum_mm
     from mart_satisfaction_period_counts where grain = $grain
     order by hospital, period, department = 'ALL' desc, department, patient_type, dimension`,
    { grain },
  );
}

/** A period's sums as clusteredProportion reads them: respondents are the clusters of its answers. */
export function clusteredCountsOf(c: PeriodCounts): ClusteredCounts {
  return { n: c.responses, sumY: c.satisfied_answers, sumM: c.answers, sumYY: c.sum_yy, sumYM: c.sum_ym, sumMM: c.sum_mm };
}

/**
 * The confidence of a period's own interval that a fall must clear (mart_satisfaction_drop): a
 * month or week low on its chart raises a satisfaction_drop only when this interval of its own
 * answers lies wholly below the chart's centre line. A chart's limits come from the spread of
 * earlier periods; a run of quiet months gives limits tighter than a month of 50 to 70
 * respondents can be read to (an emergency department's whole form, 84.7 % of 70 respondents, was
 * below a lower limit of 85.3, centre 89.9; its own 99.8 % interval reached 91.8). 99.8 %, as the
 * funnel's outer limits: about three standard errors, as the chart's limits are three sigma.
 */
export const FALL_CONFIDENCE = 0.998;

/** The upper end of a period's own interval at FALL_CONFIDENCE (clusteredProportion), in points. */
export function fallUpperPct(c: PeriodCounts): number {
  return 100 * clusteredProportion(clusteredCountsOf(c), FALL_CONFIDENCE).upper;
}
