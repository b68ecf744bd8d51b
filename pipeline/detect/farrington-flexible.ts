import { anscombeWeights } from './anscombe-weights.ts';
import { qnbinom, qpois } from './count-quantiles.ts';
import { farringtonBaseline } from './farrington-baseline.ts';
import { fitLogLinear, type LogLinearFit } from './glm-log.ts';
import { notEvaluated, type DetectionPoint } from './types.ts';

/** Settings of `farringtonFlexible`; the defaults are those of the R reference run. */
export interface FarringtonFlexibleOptions {
  /** Years of history; default min(4, floor((n − 4)/52)), and no week is evaluated below 1. */
  b: number | null;
  w: number;
  noPeriods: number;
  pastWeeksNotIncluded: number;
  alpha: number;
  weightsThreshold: number;
  /** Keep the trend only if its p-value is below this; only 1 (keep whenever b ≥ 3 and no extrapolation) is implemented. */
  pThresholdTrend: number;
  trend: boolean;
  reweight: boolean;
  /** [cases, weeks]: no alarm when the last `weeks` weeks hold fewer than `cases`. */
  limit54: readonly [number, number];
  period: number;
}

export const farringtonFlexibleDefaults: Readonly<FarringtonFlexibleOptions> = Object.freeze({
  b: null,
  w: 3,
  noPeriods: 10,
  pastWeeksNotIncluded: 26,
  alpha: 0.05,
  weightsThreshold: 2.58,
  pThresholdTrend: 1,
  trend: true,
  reweight: true,
  limit54: Object.freeze([5, 4] as const),
  period: 52,
});

interface Fit {
  fit: LogLinearFit;
  /** Pearson dispersion of the final (weighted) fit, not floored. */
  dispersion: number;
}

/** Quasi-Poisson fit, then (optionally) one refit with Anscombe-residual weights. */
function fitBaseline(x: number[][], y: number[], o: FarringtonFlexibleOptions): Fit {
  const p = x[0]!.length;
  const first = fitLogLinear(x, y);
  const firstDispersion = pearson(y, first) / (y.length - p);
  if (!o.reweight) return { fit: first, dispersion: firstDispersion };
  const hat = x.map((row, i) => first.workingWeights[i]! * quadratic(row, first.unscaledCovariance));
  const weights = anscombeWeights(y, first.mu, hat, Math.max(1, firstDispersion), o.weightsThreshold);
  const fit = fitLogLinear(x, y, weights);
  return { fit, dispersion: pearson(y, fit) / (y.length - p) };
}

/** Σ W (y − μ)²/μ², W the last IRLS working weights: R's summary.glm dispersion numerator. */
function pearson(y: readonly number[], fit: LogLinearFit): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (fit.workingWeights[i]! * (y[i]! - fit.mu[i]!) ** 2) / fit.mu[i]! ** 2;
  return s;
}

function quadratic(v: readonly number[], m: readonly (readonly number[])[]): number {
  let s = 0;
  // design rows are mostly zeros (one seasonal indicator each): skip them
  for (let a = 0; a < v.length; a++) {
    if (v[a] === 0) continue;
    for (let b = 0; b < v.length; b++) if (v[b] !== 0) s += v[a]! * m[a]![b]! * v[b]!;
  }
  return s;
}

/** Intercept, optional trend, and one indicator per seasonal level in `dummies` (the levels present but the lowest). */
function designRow(time: number, level: number, dummies: readonly number[], trend: boolean): number[] {
  const row = [1];
  if (trend) row.push(time);
  for (const l of dummies) row.push(level === l ? 1 : 0);
  return row;
}

/**
 * The improved Farrington method of Noufaily, Enki, Farrington, Garthwaite, Andrews & Charlett (2013),
 * "An improved algorithm for outbreak detection in multiple surveillance systems", Stat Med 32(7):
 * a quasi-Poisson log-linear GLM with linear trend and a 10-level seasonal factor over b years of
 * history (the latest 26 weeks left out), past outbreaks down-weighted by Anscombe residuals above
 * 2.58, and a negative-binomial plug-in upper bound at 1 − alpha; no alarm when weeks t−3..t hold
 * fewer than 5 cases. Settings and week indexing follow R surveillance 1.20.3 `farringtonFlexible`
 * as run for ../shared/vectors (README there), one year = exactly 52 weeks.
 *
 * A missing count (NaN) is left out of every fit, and weeks t..t+3 after it get no bound and no alarm,
 * as in R. A week whose baseline lacks the current window or has too few counts is not evaluated.
 * Returns one DetectionPoint per input week; `upperbound` is null where the limit54 rule forbids an alarm.
 *
 * @example farringtonFlexible(counts) // a 260-week series is evaluated in weeks 212..260 (b = 4)
 */
export function farringtonFlexible(y: readonly number[], overrides: Partial<FarringtonFlexibleOptions> = {}): DetectionPoint[] {
  const o = { ...farringtonFlexibleDefaults, ...overrides };
  if (o.pThresholdTrend < 1) throw new RangeError(`farringtonFlexible: pThresholdTrend < 1 is not implemented, got ${o.pThresholdTrend}`);
  const b = o.b ?? Math.min(4, Math.floor((y.length - 4) / o.period));
  if (b < 1) return y.map(() => notEvaluated);
  const first = o.period * b + o.w; // 0-based index of the first week with a complete baseline
  return y.map((_, t) => {
    if (t < first) return notEvaluated;
    const week = farringtonWeek(y, t, b, o);
    return week === null ? notEvaluated : { expected: week.expected, upperbound: week.upperbound, alarm: week.alarm };
  });
}

/** One week of `farringtonFlexible`, with what a p-value needs: the dispersion φ ≥ 1 of its baseline. */
export interface FarringtonWeek extends DetectionPoint {
  expected: number;
  alarm: 0 | 1;
  dispersion: number;
  /** The first and last week (indices) of the baseline the fit used. */
  baselineFrom: number;
  baselineTo: number;
}

/**
 * Week t of `farringtonFlexible` on b years of history (t ≥ 52·b + w): null where the baseline
 * lacks the current window or has too few counts. Reads only weeks up to t.
 */
export function farringtonWeek(y: readonly number[], t: number, b: number, o: FarringtonFlexibleOptions): FarringtonWeek | null {
  const count = y[t]!;
  // like R's glm, leave missing (NaN) weeks out of the fit
  const baseline = farringtonBaseline(t, b, o.w, o.noPeriods, o.pastWeeksNotIncluded, o.period);
  const kept = baseline.weeks.flatMap((s, i) => (Number.isNaN(y[s]!) ? [] : [i]));
  const weeks = kept.map((i) => baseline.weeks[i]!);
  const levels = kept.map((i) => baseline.levels[i]!);
  const response = weeks.map((s) => y[s]!);
  if (!levels.includes(o.noPeriods) || weeks.length <= o.noPeriods + 1) return null;
  // With b = 1 the 26 left-out weeks take away whole blocks (levels 6..9): like R's factor(), use only
  // the levels present, so the design stays of full rank.
  const dummies = [...new Set(levels)].sort((a, c) => a - c).slice(1);
  const rows = (trend: boolean): number[][] => weeks.map((s, i) => designRow(s - t, levels[i]!, dummies, trend));
  const predict = (f: Fit, trend: boolean): number =>
    Math.exp(designRow(0, o.noPeriods, dummies, trend).reduce((acc, v, a) => acc + v * f.fit.beta[a]!, 0));
  let model: Fit | null = null;
  let expected = NaN;
  if (o.trend && b >= 3) {
    const withTrend = fitBaseline(rows(true), response, o);
    const mu = predict(withTrend, true);
    // pThresholdTrend = 1: any fitted slope passes R's test p < 1. Not reproduced: a slope whose t-statistic
    // is below ~1e-16 (a perfectly flat baseline) has p rounding to 1 in R, which then drops the trend;
    // that changes only the residual df of a dispersion that is 0 there anyway, so φ = 1 either way.
    if (withTrend.fit.converged && mu <= Math.max(...response)) {
      model = withTrend;
      expected = mu;
    }
  }
  if (model === null) {
    model = fitBaseline(rows(false), response, o);
    expected = predict(model, false);
  }
  const phi = Math.max(1, model.dispersion);
  let recent = 0;
  for (let s = t - o.limit54[1] + 1; s <= t; s++) recent += y[s]!;
  const context = { dispersion: phi, baselineFrom: Math.min(...weeks), baselineTo: Math.max(...weeks) };
  // a missing week in the window makes R's sum NA: no bound, no alarm (README surprise 7)
  if (Number.isNaN(recent) || recent < o.limit54[0]) return { expected, upperbound: null, alarm: 0, ...context };
  const upperbound = phi > 1 ? qnbinom(1 - o.alpha, expected / (phi - 1), 1 / phi) : qpois(1 - o.alpha, expected);
  return { expected, upperbound, alarm: count > upperbound && count > 0 ? 1 : 0, ...context };
}
