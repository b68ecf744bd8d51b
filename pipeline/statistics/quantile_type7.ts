/**
 * Sample quantile by linear interpolation between order statistics, Hyndman & Fan (1996,
 * Am. Stat. 50:361–365) type 7, the default of R's `quantile()`.
 *
 * @example quantileType7([1, 2, 3, 4], 0.1) // 1.3
 */
export function quantileType7(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('quantileType7 requires at least one value');
  if (!(p >= 0 && p <= 1)) throw new RangeError('quantileType7 requires 0 <= p <= 1');
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] ?? Number.NaN;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? Number.NaN;
  // R: x[lo] + (h − lo)(x[hi] − x[lo]), skipping the product when the weight is 0 so that
  // infinite order statistics do not turn into NaN.
  return h === lo ? below : below + (h - lo) * (above - below);
}
