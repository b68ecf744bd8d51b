import type { XmrLimits } from './xmr_limits.ts';

export interface XmrPointPosition {
  /** y > upper or y < lower limit (strict); null when the limits are NaN. */
  readonly outsideLimits: boolean | null;
  /** sign(y − mean): 1, −1, or 0 exactly on the mean. */
  readonly relativeToMean: -1 | 0 | 1;
  /** Beyond the 2σ near limit but not outside the process limits; null when the limits are NaN. */
  readonly closeToLimits: boolean | null;
}

/**
 * Where each point lies against one chart's mean, near limits and process limits, as
 * NHSRplotthedots 0.2.2 `ptd_spc_standard()` classifies it.
 *
 * @example xmrPointPositions([20], limits) // [{ outsideLimits: true, relativeToMean: 1, closeToLimits: false }]
 */
export function xmrPointPositions(values: readonly number[], limits: XmrLimits): XmrPointPosition[] {
  const known = !Number.isNaN(limits.meanMovingRange);
  return values.map((y) => {
    const outside = y > limits.upperProcessLimit || y < limits.lowerProcessLimit;
    const beyondNear = y < limits.lowerNearLimit || y > limits.upperNearLimit;
    return {
      outsideLimits: known ? outside : null,
      relativeToMean: Math.sign(y - limits.mean) as -1 | 0 | 1,
      closeToLimits: known ? !outside && beyondNear : null,
    };
  });
}
