/**
 * A warning's severity (contract section 4: high, medium or low), decided here and nowhere else:
 * one rule per kind of warning, from the evidence that kind has. The marts and the detectors hand
 * over the evidence (an escalation step, the methods that saw a fall, a q-value); these rules turn
 * it into a severity.
 */
export type Severity = 'high' | 'medium' | 'low';

/** Most severe first: the order warnings are listed in. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = Object.freeze({ high: 0, medium: 1, low: 2 });

/**
 * spike, hotspot, emerging_term: how far the strongest signal is beyond chance across all cells
 * tested that week, its Benjamini–Hochberg q-value: at most 0.001 high, at most 0.01 medium.
 *
 * @example signalSeverity(0.0004) // 'high'
 */
export function signalSeverity(qValue: number): Severity {
  if (qValue <= 0.001) return 'high';
  if (qValue <= 0.01) return 'medium';
  return 'low';
}

/**
 * sla_breach: grows with the step the open case passed (mart_open_cases): its due date is step 1
 * (low), the first escalation step 2 (medium), any later step high.
 *
 * @example breachSeverity(2) // 'medium'
 */
export function breachSeverity(escalationStep: number): Severity {
  if (escalationStep >= 3) return 'high';
  if (escalationStep === 2) return 'medium';
  return 'low';
}

/**
 * satisfaction_drop: high when more than one method saw the department fall (its own history and
 * the comparison with its peers, or month and week) or a cell fell below its lower limit, else
 * medium. `belowLimit` is null when no cell has a limit to fall below.
 *
 * @example dropSeverity(1, true) // 'high'
 */
export function dropSeverity(methods: number, belowLimit: boolean | null): Severity {
  return methods > 1 || belowLimit === true ? 'high' : 'medium';
}

/** sentinel: one record of a serious event is high, whatever the counts. */
export const SENTINEL_SEVERITY: Severity = 'high';
