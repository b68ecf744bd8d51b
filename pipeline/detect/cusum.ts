import { seasonalBaseline } from './seasonal-baseline.ts';
import { notEvaluated, type DetectionPoint } from './types.ts';

/** Settings of `cusum`; the defaults are those of the R reference run. */
export interface CusumOptions {
  /** Log of the rate ratio to detect; log 2 = a doubling. */
  theta: number;
  /** Alarm threshold on S (R's c.ARL). */
  threshold: number;
  /** Weeks used to fit μ0; default 104 if the series has ≥ 156 weeks, 52 if ≥ 78, else none are evaluated. */
  phaseOne: number | null;
  /** Harmonics in the seasonal μ0 model (R's S). */
  harmonics: number;
  period: number;
}

export const cusumDefaults: Readonly<CusumOptions> = Object.freeze({ theta: Math.log(2), threshold: 5, phaseOne: null, harmonics: 1, period: 52 });

/** The phase-1 length the R reference used: two years if n ≥ 156, one if 78 ≤ n < 156. */
export function defaultPhaseOne(n: number): number | null {
  if (n >= 156) return 104;
  if (n >= 78) return 52;
  return null;
}

/**
 * Poisson CUSUM for a known rise of the mean by the factor e^θ, with reset after each alarm:
 * S_t = max(0, S_{t−1} + θ·y_t − (e^θ − 1)·μ0_t), alarm when S_t > threshold, then S = 0.
 * With a known shift this is the GLR detector of Höhle & Paul (2008), "Count data regression charts
 * for the monitoring of surveillance time series", Comput Stat Data Anal 52(9), as R surveillance
 * 1.20.3 runs it in `glrpois(..., theta = log(2), c.ARL = 5, dir = "inc", ret = "cases")`.
 * μ0 comes from `seasonalBaseline` fitted on the first `phaseOne` weeks, which are not monitored.
 * `upperbound` is the count R reports with ret = "cases": alarm iff count > upperbound
 * = max(0, (threshold − S_{t−1} + (e^θ − 1)·μ0_t)/θ).
 * Returns one DetectionPoint per input week; a missing count (NaN) gives an all-null point, S carries over it.
 *
 * @example cusum(counts) // weeks 105..n of a series of n ≥ 156 weeks are evaluated
 */
export function cusum(y: readonly number[], overrides: Partial<CusumOptions> = {}): DetectionPoint[] {
  const o = { ...cusumDefaults, ...overrides };
  if (!(o.theta > 0)) throw new RangeError(`cusum requires theta > 0, got ${o.theta}`);
  const phaseOne = o.phaseOne ?? defaultPhaseOne(y.length);
  if (phaseOne === null || phaseOne >= y.length) return y.map(() => notEvaluated);
  const mu0 = seasonalBaseline(y, phaseOne, o.harmonics, o.period);
  const rise = Math.exp(o.theta) - 1;
  let s = 0;
  return y.map((count, t) => {
    // a missing week is skipped and S carries over it, as the R reference harness does for glrpois
    if (t < phaseOne || Number.isNaN(count)) return notEvaluated;
    const expected = mu0[t]!;
    const upperbound = Math.max(0, (o.threshold - s + rise * expected) / o.theta);
    s = Math.max(0, s + o.theta * count - rise * expected);
    const alarm = s > o.threshold ? 1 : 0;
    if (alarm) s = 0;
    return { expected, upperbound, alarm };
  });
}
