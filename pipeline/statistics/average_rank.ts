/**
 * Ranks 1..n with ties given the mean of the ranks they span, as R's
 * `rank(x, ties.method = "average")`.
 *
 * @example averageRank([10, 20, 10]) // [1.5, 3, 1.5]
 */
export function averageRank(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}
