/**
 * Two-of-three rule: a point beyond a 2σ near limit (but inside the process limits) is flagged
 * when a 3-point window containing it has at least two such points and all three points on the
 * same side of the mean.
 *
 * This is stricter than Western Electric rule 2 (which needs only the two close points on one
 * side). We match NHSRplotthedots 0.2.2 (`ptd_two_in_three()`, the fix for its issue #143), which
 * its issue #194 reports as agreeing with the MDC "Single Chart" tool; the vectors xmr_08 and
 * xmr_08b pin it. Unknown closeness (null, when the limits are NaN) counts as not close.
 *
 * @example twoInThreeRule([true, false, true], [1, 1, 1]) // [true, false, true]
 */
export function twoInThreeRule(
  closeToLimits: readonly (boolean | null)[],
  relativeToMean: readonly number[],
): boolean[] {
  const n = closeToLimits.length;
  const close = (i: number): number => (i >= 0 && i < n && closeToLimits[i] === true ? 1 : 0);
  const side = (i: number): number => (i >= 0 && i < n ? relativeToMean[i] ?? 0 : 0);
  const qualifies = (start: number): boolean =>
    close(start) + close(start + 1) + close(start + 2) >= 2 &&
    Math.abs(side(start) + side(start + 1) + side(start + 2)) === 3;
  return closeToLimits.map(
    (c, i) => c === true && (qualifies(i - 2) || qualifies(i - 1) || qualifies(i)),
  );
}
