import { fitLogLinear } from './glm-log.ts';

/**
 * In-control mean for a Poisson CUSUM: a Poisson GLM y ~ 1 + Σ_{s=1..S} [cos(2πst/period) + sin(2πst/period)]
 * fitted on weeks 1..phaseOne and evaluated at every week. This is the in-control model of
 * R surveillance's `glrpois` hook (`mu0 = list(S = 1, trend = FALSE)`), as described in
 * ../shared/vectors/README.md; Höhle & Paul (2008), Comput Stat Data Anal 52(9), §2.
 *
 * @example seasonalBaseline(Array(104).fill(3), 104)[110] // 3 (a flat series has a flat mean)
 */
export function seasonalBaseline(y: readonly number[], phaseOne: number, harmonics = 1, period = 52): number[] {
  if (!(phaseOne >= 1 && phaseOne <= y.length)) throw new RangeError(`seasonalBaseline requires 1 <= phaseOne <= ${y.length}, got ${phaseOne}`);
  const row = (t: number): number[] => {
    const r = [1];
    for (let s = 1; s <= harmonics; s++) r.push(Math.cos((2 * Math.PI * s * t) / period), Math.sin((2 * Math.PI * s * t) / period));
    return r;
  };
  // like R's glm, leave missing (NaN) weeks out of the fit
  const kept = y.slice(0, phaseOne).flatMap((v, i) => (Number.isNaN(v) ? [] : [i]));
  const { beta } = fitLogLinear(kept.map((i) => row(i + 1)), kept.map((i) => y[i]!));
  return y.map((_, i) => Math.exp(row(i + 1).reduce((s, v, a) => s + v * beta[a]!, 0)));
}
