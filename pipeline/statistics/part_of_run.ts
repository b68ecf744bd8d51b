/**
 * Marks every point of a window that ends at a flagged point: a point is part of the run if it,
 * or any of the next `length − 1` points, ends a run. NHSRplotthedots 0.2.2
 * `ptd_part_of_seven_trend()`, used for both the shift and the trend rule.
 *
 * @example partOfRun([0, 0, 1, 0], 3) // [true, true, true, false]
 */
export function partOfRun(runEnds: readonly number[], length: number): boolean[] {
  return runEnds.map((_, i) => runEnds.slice(i, i + length).some((e) => e !== 0));
}
