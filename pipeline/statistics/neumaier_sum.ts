/**
 * Sum with Neumaier's compensated summation (Neumaier 1974, ZAMM 54:39–51).
 *
 * R accumulates sums and means in long double; compensation keeps a double-precision port within
 * about one ulp of R on the reference vectors instead of drifting with n.
 *
 * @example neumaierSum([0.1, 0.2, 0.3]) // 0.6
 */
export function neumaierSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const v of values) {
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}
