/**
 * The complaint-handling counts and rates of a set of complaints, as mart_complaint_kpis and
 * report_week_rates compute them (contract section 5): what the leadership page and the weekly
 * summary both show. A rate is a percentage 0..100, null when its denominator is zero.
 */
export interface HandlingCounts {
  received: number;
  responded: number;
  resolved: number;
  satisfied: number;
  /** Complainants who answered yes or no: the satisfaction rate's denominator. */
  satisfaction_answers: number;
  resolved_within_sla: number;
  response_rate: number | null;
  resolution_rate: number | null;
  satisfaction_rate: number | null;
  within_sla_rate: number | null;
}
