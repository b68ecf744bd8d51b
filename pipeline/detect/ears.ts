import { earsBaseline } from './ears-baseline.ts';
import { normalQuantile } from '../statistics/normal_quantile.ts';
import { notEvaluated, type DetectionPoint } from './types.ts';

/**
 * EARS C1, C2 and C3 (Hutwagner et al. 2003, "The bioterrorism preparedness and response Early
 * Aberration Reporting System (EARS)", J Urban Health 80(S1); Fricker, Hegler & Dunfee 2008,
 * Stat Med 27(17)), written to reproduce R surveillance 1.20.3 `earsC` with the settings in
 * ../shared/vectors/README.md. Counts are weekly, in period order; NaN marks a missing count.
 * Every function returns one DetectionPoint per input week; weeks without enough history are all null.
 */
export interface EarsOptions {
  /** Weeks in the baseline window. */
  baseline: number;
  /** One-sided false-alarm probability per week: the bound uses z = Φ⁻¹(1 − alpha). */
  alpha: number;
  /** Floor on the baseline sd, so a constant baseline does not give a zero-width band. */
  minSigma: number;
}

/** R's settings for hearken's `ears_c*` methods; `alpha: 0.05` gives the `_a05` variants. */
export const earsDefaults: Readonly<EarsOptions> = Object.freeze({ baseline: 7, alpha: 0.001, minSigma: 0 });

/** Gap between the current week and the newest baseline week, as in C2 and C3. */
const c2Lag = 3;

function options(overrides: Partial<EarsOptions>): EarsOptions {
  const o = { ...earsDefaults, ...overrides };
  if (!(o.alpha > 0 && o.alpha < 1)) throw new RangeError(`ears requires 0 < alpha < 1, got ${o.alpha}`);
  if (!(Number.isInteger(o.baseline) && o.baseline >= 2)) throw new RangeError(`ears requires an integer baseline >= 2, got ${o.baseline}`);
  return o;
}

function point(expected: number, upperbound: number, count: number): DetectionPoint {
  if (!Number.isFinite(expected)) return notEvaluated;
  if (Number.isNaN(upperbound) || Number.isNaN(count)) return { expected, upperbound: null, alarm: null };
  return { expected, upperbound, alarm: count > upperbound ? 1 : 0 };
}

function shewhart(y: readonly number[], lag: number, o: EarsOptions): DetectionPoint[] {
  const z = normalQuantile(1 - o.alpha);
  return y.map((count, t) => {
    if (t - lag - o.baseline + 1 < 0) return notEvaluated;
    const { mean, sd } = earsBaseline(y, t, o.baseline, lag);
    return point(mean, mean + z * Math.max(sd, o.minSigma), count);
  });
}

/**
 * EARS C1: alarm when the count exceeds mean + z·sd of the previous 7 weeks.
 *
 * @example earsC1([1, 2, 3, 4, 5, 6, 7, 20])[7] // { expected: 4, upperbound: 10.6757…, alarm: 1 }
 */
export function earsC1(y: readonly number[], overrides: Partial<EarsOptions> = {}): DetectionPoint[] {
  return shewhart(y, 1, options(overrides));
}

/**
 * EARS C2: as C1, with a two-week guard band (baseline weeks t−9..t−3).
 *
 * @example earsC2([1, 2, 3, 4, 5, 6, 7, 0, 0, 20])[9] // { expected: 4, upperbound: 10.6757…, alarm: 1 }
 */
export function earsC2(y: readonly number[], overrides: Partial<EarsOptions> = {}): DetectionPoint[] {
  return shewhart(y, c2Lag, options(overrides));
}

/** The C2 statistic (y_t − m_t)/max(s_t, minSigma) at every week where it exists, else NaN. */
function c2Statistics(y: readonly number[], o: EarsOptions): number[] {
  return y.map((count, t) => {
    if (t - c2Lag - o.baseline + 1 < 0) return NaN;
    const { mean, sd } = earsBaseline(y, t, o.baseline, c2Lag);
    return (count - mean) / Math.max(sd, o.minSigma);
  });
}

/** What both forms of C3 see in an evaluated week: the C2 baseline and the clipped C2 excesses. */
interface C3Week {
  count: number;
  mean: number;
  sigma: number;
  z: number;
  /** (C2_{t−2} − 1)⁺ + (C2_{t−1} − 1)⁺ */
  lagged: number;
  /** (C2_t − 1)⁺ */
  current: number;
}

function c3Weeks(y: readonly number[], o: EarsOptions, bound: (week: C3Week) => DetectionPoint): DetectionPoint[] {
  const z = normalQuantile(1 - o.alpha);
  const c2 = c2Statistics(y, o);
  const excess = (t: number) => Math.max(0, c2[t]! - 1);
  return y.map((count, t) => {
    if (t - 2 - c2Lag - o.baseline + 1 < 0) return notEvaluated;
    const { mean, sd } = earsBaseline(y, t, o.baseline, c2Lag);
    return bound({ count, mean, sigma: Math.max(sd, o.minSigma), z, lagged: excess(t - 2) + excess(t - 1), current: excess(t) });
  });
}

/**
 * EARS C3 as R surveillance's `earsC` computes it (1.20.3, unchanged in 1.26.0): the bound is
 * max(0, y_t + s_t·(z − (C2_{t−2} − 1)⁺ − (C2_{t−1} − 1)⁺)), so the alarm depends only on the two
 * previous weeks' C2 statistics, never on week t's own excess (README, surprise 1). A 0/0 statistic
 * (constant baseline, count at its mean) makes the bound and alarm null, like R's NaN.
 * Use `earsC3Textbook` for the published form.
 *
 * @example earsC3([1, 2, 3, 4, 5, 6, 7, 4, 4, 4, 4, 20, 4])[12] // { expected: 4.857…, upperbound: 0, alarm: 1 }: the spike of week 11 alarms in week 12
 */
export function earsC3(y: readonly number[], overrides: Partial<EarsOptions> = {}): DetectionPoint[] {
  return c3Weeks(y, options(overrides), ({ count, mean, sigma, z, lagged }) =>
    point(mean, Math.max(0, count + sigma * (z - lagged)), count),
  );
}

/**
 * EARS C3 as published (Hutwagner et al. 2003): alarm when (C2_t − 1)⁺ + (C2_{t−1} − 1)⁺ + (C2_{t−2} − 1)⁺ > z.
 * `upperbound` is the count at which that sum reaches z, m_t + s_t·(1 + z − lagged); it is below m_t,
 * possibly negative, when the two previous weeks alone exceed z (then every count alarms).
 * Differs from R's `earsC` (see `earsC3`).
 */
export function earsC3Textbook(y: readonly number[], overrides: Partial<EarsOptions> = {}): DetectionPoint[] {
  return c3Weeks(y, options(overrides), ({ mean, sigma, z, lagged, current }) => {
    const sum = lagged + current;
    if (Number.isNaN(sum)) return { expected: mean, upperbound: null, alarm: null };
    const upperbound = mean + sigma * (1 + z - lagged);
    return { expected: mean, upperbound: Number.isNaN(upperbound) ? null : upperbound, alarm: sum > z ? 1 : 0 };
  });
}
