import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';

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
