import type { SpecialCauseType } from './special_cause_type.ts';

export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

/**
 * Variation type of one point: a special-cause label oriented by the improvement direction.
 *
 * The orientation comes from the label (Above/Increasing is "high"), not from the point's side of
 * the mean, so a falling trend that crosses the mean is improvement on both sides when lower is
 * better (NHSRplotthedots 0.2.2 behaviour after its issue #171; vectors xmr_07).
 *
 * @example pointType('Above UCL', 'decrease') // 'special_cause_concern'
 */
export function pointType(type: SpecialCauseType, direction: ImprovementDirection): PointType {
  if (type === 'Common Cause') return 'common_cause';
  const high = type.includes('Above') || type.includes('Increasing');
  if (direction === 'neutral') return high ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  return high === (direction === 'increase') ? 'special_cause_improvement' : 'special_cause_concern';
}
