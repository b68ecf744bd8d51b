import { median } from 'simple-statistics';

/**
 * Scoring a detector's weekly alarms against labelled outbreak weeks: the measures of the
 * surveillance literature (share of outbreaks detected, false alarms per non-outbreak week, delay to
 * the first alarm; Noufaily et al. 2013, Stat Med 32(7); Bédubourg & Le Strat 2017, PLoS ONE 12(7)),
 * as ../shared/vectors/r/evaluate.R computes its "detected" and "delay" columns. Weeks are
 * 0-based indices into one series; a series is scored on a window of weeks, and a null alarm (the
 * method could not compute the week) counts as no alarm.
 */

/** One outbreak: a run of consecutive labelled weeks, `start`..`end` inclusive (0-based). */
export interface Outbreak {
  start: number;
  end: number;
}

/** The weeks a series is scored on: `from` inclusive to `to` exclusive (0-based, like Array.slice). */
export interface EvaluationWindow {
  from: number;
  to: number;
}

/** What one series contributes to a method's score. */
export interface SeriesScore {
  /** Outbreaks whose first week lies in the window. */
  outbreaks: number;
  /** For each of those with an alarm in one of its weeks inside the window: first alarmed week − start. */
  delays: readonly number[];
  /** Window weeks outside every outbreak. */
  nonOutbreakWeeks: number;
  /** Alarms in those weeks. */
  falseAlarms: number;
}

/** A method's score over many series. */
export interface DetectionPerformance {
  outbreaks: number;
  detected: number;
  /** detected / outbreaks; null without outbreaks. */
  sensitivity: number | null;
  nonOutbreakWeeks: number;
  falseAlarms: number;
  /** 100 · falseAlarms / nonOutbreakWeeks; null without such weeks. */
  falseAlarmsPer100: number | null;
  /** Median of the delays in weeks (R's median: the mean of the middle two for an even count); null if none detected. */
  medianDelay: number | null;
}

/**
 * The outbreaks in a 0/1 state vector (R surveillance's `state` slot): each maximal run of 1s.
 *
 * @example outbreakRuns([0, 1, 1, 0, 1]) // [{ start: 1, end: 2 }, { start: 4, end: 4 }]
 */
export function outbreakRuns(state: readonly number[]): Outbreak[] {
  const runs: Outbreak[] = [];
  state.forEach((s, t) => {
    if (s !== 0 && s !== 1) throw new RangeError(`outbreakRuns requires a 0/1 state, got ${s} in week ${t}`);
    if (s === 0) return;
    const last = runs.at(-1);
    if (last && last.end === t - 1) last.end = t;
    else runs.push({ start: t, end: t });
  });
  return runs;
}

/**
 * Scores one series' alarms on a window. An outbreak counts only if its first week is in the window,
 * so its delay is measured from its real start; the window weeks of an outbreak that began earlier are
 * neither outbreak nor non-outbreak weeks (an alarm there is not false, and cannot be early).
 *
 * @example scoreSeries([0, 0, 1, 1, 0], [0, 1, 0, 1, 0], { from: 0, to: 5 })
 * // { outbreaks: 1, delays: [1], nonOutbreakWeeks: 3, falseAlarms: 1 }
 */
export function scoreSeries(state: readonly number[], alarms: readonly (0 | 1 | null)[], window: EvaluationWindow): SeriesScore {
  if (alarms.length !== state.length) throw new RangeError(`scoreSeries requires one alarm per week: ${alarms.length} alarms, ${state.length} weeks`);
  const { from, to } = window;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to && to <= state.length)) {
    throw new RangeError(`scoreSeries: window ${from}..${to} is not inside the ${state.length} weeks`);
  }
  const inWindow = outbreakRuns(state).filter(({ start }) => start >= from && start < to);
  const delays: number[] = [];
  for (const { start, end } of inWindow) {
    for (let t = start; t <= Math.min(end, to - 1); t++) {
      if (alarms[t] === 1) {
        delays.push(t - start);
        break;
      }
    }
  }
  let nonOutbreakWeeks = 0;
  let falseAlarms = 0;
  for (let t = from; t < to; t++) {
    if (state[t] !== 0) continue;
    nonOutbreakWeeks++;
    if (alarms[t] === 1) falseAlarms++;
  }
  return { outbreaks: inWindow.length, delays, nonOutbreakWeeks, falseAlarms };
}

/**
 * Adds up series scores: sensitivity = detected outbreaks / outbreaks, false alarms per 100
 * non-outbreak weeks, and the median delay over detected outbreaks.
 *
 * @example summarisePerformance([{ outbreaks: 2, delays: [0, 3], nonOutbreakWeeks: 50, falseAlarms: 1 }])
 * // { outbreaks: 2, detected: 2, sensitivity: 1, nonOutbreakWeeks: 50, falseAlarms: 1, falseAlarmsPer100: 2, medianDelay: 1.5 }
 */
export function summarisePerformance(scores: readonly SeriesScore[]): DetectionPerformance {
  const delays = scores.flatMap((s) => s.delays);
  const outbreaks = scores.reduce((n, s) => n + s.outbreaks, 0);
  const nonOutbreakWeeks = scores.reduce((n, s) => n + s.nonOutbreakWeeks, 0);
  const falseAlarms = scores.reduce((n, s) => n + s.falseAlarms, 0);
  return {
    outbreaks,
    detected: delays.length,
    sensitivity: outbreaks > 0 ? delays.length / outbreaks : null,
    nonOutbreakWeeks,
    falseAlarms,
    falseAlarmsPer100: nonOutbreakWeeks > 0 ? (100 * falseAlarms) / nonOutbreakWeeks : null,
    medianDelay: delays.length > 0 ? median(delays) : null,
  };
}
