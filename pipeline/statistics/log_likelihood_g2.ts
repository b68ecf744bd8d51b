/**
 * Dunning's log-likelihood ratio G² for a 2×2 table of counts
 *
 *             | in A  | not in A
 *   ----------+-------+---------
 *   in B      |  k11  |  k12
 *   not in B  |  k21  |  k22
 *
 * G² = 2 Σ O ln(O / E), with E from the margins; a cell of 0 adds nothing (0 ln 0 = 0).
 * Serves both collocations (does word B follow word A more often than chance?) and keyness (is a
 * term more frequent in the recent corpus than in its baseline?). Under independence G² follows
 * χ² with 1 degree of freedom: 3.84 is p < 0.05, 10.83 is p < 0.001, 15.13 is p < 0.0001.
 *
 * Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
 * Computational Linguistics 19(1):61–74.
 *
 * @example gSquared2x2(110, 2442, 111, 29114) // ≈ 270.72 (Dunning's "the swiss" bigram, Table 3)
 */
export function gSquared2x2(k11: number, k12: number, k21: number, k22: number): number {
  for (const k of [k11, k12, k21, k22]) {
    if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError('gSquared2x2 requires finite counts >= 0');
  }
  const total = k11 + k12 + k21 + k22;
  if (total === 0) return 0;
  const row1 = k11 + k12;
  const row2 = k21 + k22;
  const col1 = k11 + k21;
  const col2 = k12 + k22;
  const term = (observed: number, expected: number): number => (observed > 0 ? observed * Math.log(observed / expected) : 0);
  const g2 =
    2 *
    (term(k11, (row1 * col1) / total) +
      term(k12, (row1 * col2) / total) +
      term(k21, (row2 * col1) / total) +
      term(k22, (row2 * col2) / total));
  // rounding can leave a hair below zero when the table is exactly independent
  return Math.max(g2, 0);
}
