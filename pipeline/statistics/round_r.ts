/**
 * Rounds to `digits` decimal places the way R ≥ 4.0.0 `round(x, digits)` does: of the two
 * neighbouring candidates on the 10^−digits grid, the one nearer to x as a double, and on an exact
 * tie the one with an even last digit. (Plain Math.round(x·100)/100 disagrees with R on values
 * such as 0.285, whose double lies just below the half.)
 *
 * @example roundR(523.6963043991925, 2) // 523.7
 */
export function roundR(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const p = 10 ** digits;
  const floor = Math.floor(x * p);
  const lo = floor / p;
  const hi = (floor + 1) / p;
  const dLo = x - lo;
  const dHi = hi - x;
  if (dLo < dHi) return lo;
  if (dHi < dLo) return hi;
  return floor % 2 === 0 ? lo : hi;
}
