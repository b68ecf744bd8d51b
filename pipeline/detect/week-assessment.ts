import { negativeBinomialUpperTail } from '../statistics/count_upper_tail.ts';
import { normalQuantile } from '../statistics/normal_quantile.ts';
import { earsBaseline } from './ears-baseline.ts';
import { earsDefaults } from './ears.ts';
import { farringtonFlexibleDefaults, farringtonWeek } from './farrington-flexible.ts';

/** Settings of hearken's own choice of detector per week (`auto`, and the warehouse's warnings). */
export interface AssessmentOptions {
  /** Years of history a week needs before Farrington flexible replaces EARS C2 (its b, at most 4). */
  farringtonYears: number;
  /** No alarm, and no test, on fewer than `cases` complaints in the last `weeks` weeks. */
  guard: { cases: number; weeks: number };
  /** One-sided level of Farrington flexible's plug-in bound (R's alpha). */
  farringtonAlpha: number;
  /** One-sided level of the EARS C2 bound. */
  earsAlpha: number;
}

export const assessmentDefaults: Readonly<AssessmentOptions> = Object.freeze({
  farringtonYears: 2,
  guard: Object.freeze({ cases: 5, weeks: 4 }),
  farringtonAlpha: farringtonFlexibleDefaults.alpha,
  earsAlpha: earsDefaults.alpha,
});

/** One week of one series judged against its own past. */
export interface WeekAssessment {
  method: 'farrington_flexible' | 'ears_c2';
  expected: number;
  /** The count above which the method alarms; null where the guard forbids an alarm. */
  upperbound: number | null;
  alarm: 0 | 1;
  /** False when the guard held the week back: it is no test, and counts in no false discovery rate. */
  tested: boolean;
  /** P(Y ≥ count) under the baseline's count model, also for a week the guard held back (how unusual it was, though no test). */
  pValue: number;
  /** The count model's dispersion (variance over mean, at least 1) and the weeks its expectation rests on: baselinePValue's. */
  dispersion: number;
  baselineWeeks: number;
  /** First and last week (0-based) of the baseline. */
  baselineFrom: number;
  baselineTo: number;
}

/** EARS C2's baseline: the 7 weeks ending 3 weeks before. */
const EARS_C2 = { length: earsDefaults.baseline, lag: 3 } as const;

/**
 * P(Y ≥ y) for a week whose baseline of `weeks` weeks gives the mean `mean` and the dispersion
 * `dispersion` (variance over mean, at least 1). The mean is itself estimated from those weeks, so
 * the count is compared with its predictive distribution, not with the estimate as if it were
 * known: a negative binomial with variance φ·μ·(1 + 1/weeks), the Poisson–gamma predictive
 * distribution of a rate seen over `weeks` weeks (Jeffreys prior) when φ = 1. A baseline mean of 0
 * is taken as half a complaint over its weeks (Hardie's zero rule, as in the keyness). Seven quiet
 * weeks then make a week of 3 complaints unusual (p ≈ 0.005), not astonishing (Poisson: 0.0005):
 * with hundreds of cells tested a week, that difference is most of the false alarms.
 */
export function baselinePValue(y: number, mean: number, dispersion: number, weeks: number): number {
  const mu = Math.max(mean, 0.5 / weeks);
  const variance = Math.max(1, dispersion) * mu * (1 + 1 / weeks);
  return negativeBinomialUpperTail(y, (mu * mu) / (variance - mu), mu / variance);
}

/**
 * Whether week t of `y` may be tested: at least `guard.cases` complaints in its last `guard.weeks`
 * weeks. Cheap, so a caller that needs only tested weeks asks it before assessWeek, which fits a
 * baseline model whatever the answer.
 *
 * @example passesGuard([0, 1, 0, 2, 3], 4, { cases: 5, weeks: 4 }) // true (1 + 0 + 2 + 3 = 6)
 */
export function passesGuard(y: readonly number[], t: number, guard: AssessmentOptions['guard']): boolean {
  let recent = 0;
  for (let s = Math.max(0, t - guard.weeks + 1); s <= t; s++) recent += y[s]!;
  return recent >= guard.cases;
}

/**
 * EARS C2's judgement of a week, held also to the same weeks a year before (`lastYear`: Farrington
 * flexible on one year, whose expectation is the level of the seven weeks around this one a year
 * ago): the larger expectation, dispersion and bound of the two. EARS's baseline is the seven weeks
 * ending three weeks back, which in a department's seasons can be its low (a holiday week, the
 * summer's dip) just before its usual rise: 17 process complaints in a week at the outpatient
 * department against EARS's 5.3 of September and October were its usual November, 10 a week the
 * November before. So in its second year a cell's week must be unusual against both; from
 * `farringtonYears` on, Farrington's seasons judge it alone. With no fit a year back, EARS alone.
 *
 * @example againstLastYear({ expected: 2, upperbound: 2, dispersion: 0 }, { expected: 8, upperbound: 13, dispersion: 1, … }) // { expected: 8, upperbound: 13, dispersion: 1 }
 */
export function againstLastYear(
  ears: { expected: number; upperbound: number; dispersion: number },
  lastYear: { expected: number; upperbound: number | null; dispersion: number } | null,
): { expected: number; upperbound: number; dispersion: number } {
  if (lastYear === null || lastYear.upperbound === null || !Number.isFinite(lastYear.expected)) return ears;
  return {
    expected: Math.max(ears.expected, lastYear.expected),
    upperbound: Math.max(ears.upperbound, lastYear.upperbound),
    dispersion: Math.max(ears.dispersion, lastYear.dispersion),
  };
}

/**
 * Week t of a weekly count series, judged with only weeks ≤ t, as a run on the Monday after would:
 * Farrington flexible (Noufaily et al. 2013) on every whole year of history up to four, once there
 * are `farringtonYears` of them, so seasons and trends are expected; EARS C2 before that, or where
 * Farrington's baseline is unusable, held to the same weeks a year before once there is a year
 * (againstLastYear). A week whose last `guard.weeks` weeks hold fewer than
 * `guard.cases` complaints is not tested: no one is paged over a quiet cell going from 0 to 2.
 * The p-value is the upper tail of the count's predictive distribution (baselinePValue) around the
 * method's expectation, with the method's dispersion: Farrington's φ, and for EARS the baseline's
 * variance over its mean. Returns null where neither method can judge the week.
 *
 * @example assessWeek([2, 3, 2, 4, 3, 2, 3, 2, 3, 12], 9, assessmentDefaults) // EARS C2, alarm 1, p ≈ 1e-5
 */
export function assessWeek(y: readonly number[], t: number, o: AssessmentOptions = assessmentDefaults): WeekAssessment | null {
  const count = y[t]!;
  const tested = passesGuard(y, t, o.guard);
  const judge = (a: Omit<WeekAssessment, 'tested' | 'alarm' | 'pValue' | 'upperbound'> & { upperbound: number }): WeekAssessment => {
    const pValue = baselinePValue(count, a.expected, a.dispersion, a.baselineWeeks);
    return tested ? { ...a, alarm: count > a.upperbound ? 1 : 0, tested, pValue } : { ...a, upperbound: null, alarm: 0, tested, pValue };
  };

  const years = Math.min(4, Math.floor((t - 3) / farringtonFlexibleDefaults.period));
  if (years >= o.farringtonYears) {
    const week = farringtonWeek(y, t, years, { ...farringtonFlexibleDefaults, alpha: o.farringtonAlpha, limit54: [0, o.guard.weeks] });
    if (week !== null && week.upperbound !== null) {
      // the expectation rests mostly on the weeks around this one in each past year (w on either side)
      const windowWeeks = (2 * farringtonFlexibleDefaults.w + 1) * years;
      const { expected, dispersion } = week;
      return judge({ method: 'farrington_flexible', expected, upperbound: week.upperbound, dispersion, baselineWeeks: windowWeeks, baselineFrom: week.baselineFrom, baselineTo: week.baselineTo });
    }
  }
  if (t - EARS_C2.lag - EARS_C2.length + 1 < 0) return null;
  const { mean, sd } = earsBaseline(y, t, EARS_C2.length, EARS_C2.lag);
  if (!Number.isFinite(mean) || !Number.isFinite(sd)) return null;
  const ears = { expected: mean, upperbound: mean + normalQuantile(1 - o.earsAlpha) * sd, dispersion: mean > 0 ? (sd * sd) / mean : 1 };
  const lastYear = years >= 1 ? farringtonWeek(y, t, 1, { ...farringtonFlexibleDefaults, alpha: o.farringtonAlpha, limit54: [0, o.guard.weeks] }) : null;
  const { expected, upperbound, dispersion } = againstLastYear(ears, lastYear);
  // a reader is shown the expectation with the method and weeks it comes from: the year before's
  // fit where it is the larger (its 2w + 1 weeks a year are EARS's 7, so the p-value is the same);
  // a level both see alike (the fit's iterations leave ~1e-12) stays EARS's
  const fromLastYear = lastYear !== null && expected - ears.expected > 1e-9 * Math.max(1, ears.expected);
  return judge({
    method: fromLastYear ? 'farrington_flexible' : 'ears_c2',
    expected,
    upperbound,
    dispersion,
    baselineWeeks: EARS_C2.length,
    baselineFrom: fromLastYear ? lastYear.baselineFrom : t - EARS_C2.lag - EARS_C2.length + 1,
    baselineTo: fromLastYear ? lastYear.baselineTo : t - EARS_C2.lag,
  });
}
