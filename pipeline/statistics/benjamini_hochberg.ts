/**
 * Benjamini–Hochberg adjusted p-values ("q-values"): rejecting every hypothesis with q ≤ level
 * controls the false discovery rate at that level for independent (or positively dependent) tests
 * (Benjamini & Hochberg 1995, JRSS B 57(1):289–300). q_(i) = min over j ≥ i of m·p_(j)/j, capped
 * at 1, returned in the input's order, as R's p.adjust(p, "BH").
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg requires p-values in [0, 1], got ${p}`);
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[b]! - pValues[a]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach((index, k) => {
    const rank = m - k;
    running = Math.min(running, (m * pValues[index]!) / rank);
    adjusted[index] = running;
  });
  return adjusted;
}
