/**
 * Moving ranges |y[i] − y[i−1]| of an XmR chart; the first point has none (null), and a range next
 * to a missing value (null) is missing.
 *
 * Reference: Wheeler & Chambers, Understanding Statistical Process Control (1992), ch. 3;
 * NHS England "Making Data Count" (2019).
 *
 * @example movingRanges([3, 5, 4]) // [null, 2, 1]
 */
export function movingRanges(values: readonly (number | null)[]): (number | null)[] {
  return values.map((y, i) => {
    const previous = i === 0 ? null : values[i - 1] ?? null;
    return y === null || previous === null ? null : Math.abs(y - previous);
  });
}
