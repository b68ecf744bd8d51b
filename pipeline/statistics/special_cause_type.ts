export type SpecialCauseType =
  | 'Above UCL'
  | 'Below LCL'
  | '7 Point Trend (Increasing)'
  | '7 Point Trend (Decreasing)'
  | '2 in 3 Above CL'
  | '2 in 3 Below CL'
  | '7 Points Above CL'
  | '7 Points Below CL'
  | 'Common Cause';

export interface SpecialCauseInputs {
  readonly values: readonly number[];
  readonly relativeToMean: readonly number[];
  readonly outsideLimits: readonly (boolean | null)[];
  readonly trend: readonly boolean[];
  readonly twoInThree: readonly boolean[];
  readonly shift: readonly boolean[];
}

/**
 * One special-cause label per point, chosen by the fixed priority of NHSRplotthedots 0.2.2
 * (`ptd_special_cause_type()`): outside limits > trend > two-in-three > shift.
 *
 * When rules conflict (e.g. a falling trend inside a run above the mean, xmr_22) the priority
 * decides, not "improvement wins" as the MDC Single Chart tool reportedly does (package issue
 * #194). We keep the package's rule: it is deterministic and the vectors pin it.
 *
 * A trend point takes the direction of the next step if the trend continues to its right,
 * otherwise of the previous step.
 *
 * @example specialCauseType({ values: [9], relativeToMean: [1], outsideLimits: [true], trend: [false], twoInThree: [false], shift: [false] }) // ['Above UCL']
 */
export function specialCauseType(inputs: SpecialCauseInputs): SpecialCauseType[] {
  const { values, relativeToMean, outsideLimits, trend, twoInThree, shift } = inputs;
  const n = values.length;
  const step = (i: number): number => Math.sign((values[i] ?? Number.NaN) - (values[i - 1] ?? Number.NaN));
  return values.map((_, i) => {
    const above = (relativeToMean[i] ?? 0) > 0;
    if (outsideLimits[i] === true) return relativeToMean[i] === 1 ? 'Above UCL' : 'Below LCL';
    if (trend[i] === true) {
      const continuesRight = i + 1 < n && trend[i + 1] === true;
      // R: c(sdy, tail(sdy, 1)) on the right, c(0, sdy) on the left.
      const direction = continuesRight ? step(i + 1) : i === 0 ? 0 : step(i);
      return direction === 1 ? '7 Point Trend (Increasing)' : '7 Point Trend (Decreasing)';
    }
    if (twoInThree[i] === true) return above ? '2 in 3 Above CL' : '2 in 3 Below CL';
    if (shift[i] === true) return above ? '7 Points Above CL' : '7 Points Below CL';
    return 'Common Cause';
  });
}
