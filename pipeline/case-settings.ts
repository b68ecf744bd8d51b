import { listValue, type DuckDBValue } from '@duckdb/node-api';

/** The rates of mart_complaint_kpis that a weighted score may combine (README, "Complaint rates"). */
export const SCORED_RATES = ['responded_in_time', 'resolution', 'solved', 'satisfaction'] as const;
export type ScoredRate = (typeof SCORED_RATES)[number];

/** How a complaint is handled as a case: its clock, who answers for it, how its rates are scored. */
export interface CaseSettings {
  /**
   * Statuses that stop a complaint's clock besides a `resolved_at`: always `closed`; `replied`
   * (answered, not closed) where the office counts an answer as done. `escalated` never stops it
   * (still the hospital's to fix); `referred` takes the case off the department's clock altogether.
   */
  clockStopsAt: readonly ('closed' | 'replied')[];
  /**
   * Working days past the due date at which a case moves up a step, ascending. Past the first the
   * department's supervising leader answers for it instead of its head (department_owners.csv);
   * each step passed raises one `sla_breach` warning, its severity growing with the step.
   */
  escalationSteps: readonly number[];
  /** Weights of the weighted score in complaint_kpis; none given means no score (a blank column). */
  scoreWeights: Partial<Record<ScoredRate, number>>;
}

export const caseDefaults: Readonly<CaseSettings> = Object.freeze({
  clockStopsAt: ['closed'] as const,
  escalationSteps: [3, 10],
  scoreWeights: {},
});

/**
 * The settings as the SQL models read them with getvariable(): clock_stop_statuses (a list),
 * escalation_steps (a list of working days) and one score_weight_<rate> each, null when not given.
 *
 * @example caseVariables(caseDefaults).clock_stop_statuses // ['closed'] as a DuckDB list
 */
export function caseVariables(settings: CaseSettings): Record<string, DuckDBValue> {
  const weights = Object.fromEntries(SCORED_RATES.map((rate) => [`score_weight_${rate}`, settings.scoreWeights[rate] ?? null]));
  return {
    clock_stop_statuses: listValue([...settings.clockStopsAt]),
    escalation_steps: listValue([...settings.escalationSteps]),
    ...weights,
  };
}
