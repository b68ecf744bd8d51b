import type { ImprovementDirection } from './point_type.ts';

export type AssuranceType = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

/**
 * Assurance against a target from the latest process limits (Making Data Count icons): a target
 * strictly beyond a limit means the process will consistently pass or fail it; a target between
 * (or on) the limits means it will pass inconsistently. Null for a neutral direction or no target.
 * NHSRplotthedots 0.2.2 `ptd_calculate_assurance_type()`.
 *
 * @example assuranceType(70, 74.4, 83.8, 'increase') // 'consistent_pass'
 */
export function assuranceType(
  target: number | null,
  lowerProcessLimit: number,
  upperProcessLimit: number,
  direction: ImprovementDirection,
): AssuranceType | null {
  if (target === null || direction === 'neutral') return null;
  const increasing = direction === 'increase';
  if (target > upperProcessLimit) return increasing ? 'consistent_fail' : 'consistent_pass';
  if (target < lowerProcessLimit) return increasing ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}
