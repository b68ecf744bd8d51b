import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outbreakRuns, scoreSeries, summarisePerformance } from '../../pipeline/detect/evaluation.ts';
import { readReference, readSeries, REAL_VECTORS, type ReferenceSeries } from './r-reference.ts';

describe('outbreakRuns', () => {
  it('finds each maximal run of 1s, ends inclusive', () => {
    // weeks 0..9: 1 1 0 0 1 0 1 1 1 0 → runs 0–1, 4–4, 6–8
    const state = Object.freeze([1, 1, 0, 0, 1, 0, 1, 1, 1, 0]);
    expect(outbreakRuns(state)).toEqual([
      { start: 0, end: 1 },
      { start: 4, end: 4 },
      { start: 6, end: 8 },
    ]);
  });

  it('handles no outbreak, an outbreak to the last week, and an empty series', () => {
    expect(outbreakRuns([0, 0, 0])).toEqual([]);
    expect(outbreakRuns([0, 1, 1])).toEqual([{ start: 1, end: 2 }]);
    expect(outbreakRuns([])).toEqual([]);
  });

  it('refuses anything but 0 and 1', () => {
    expect(() => outbreakRuns([0, 2])).toThrow('outbreakRuns requires a 0/1 state, got 2 in week 1');
    expect(() => outbreakRuns([Number.NaN])).toThrow(RangeError);
  });
});

describe('scoreSeries (hand-worked)', () => {
  // weeks:   0 1 2 3 4 5 6 7 8 9 10 11
  // state:   1 1 0 0 0 1 1 1 0 0 1  1      outbreaks 0–1, 5–7, 10–11
  // alarms:  1 . 1 0 0 0 0 1 0 1 0  -      (. = null, - = null)
  const state = Object.freeze([1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1]);
  const alarms = Object.freeze([1, null, 1, 0, 0, 0, 0, 1, 0, 1, 0, null] as const);

  it('whole series: three outbreaks, two detected (delays 0 and 2), 2 false alarms in 5 clean weeks', () => {
    // outbreak 0–1: alarm in week 0 → delay 0; 5–7: first alarm week 7 → delay 2; 10–11: none (null is no alarm)
    // clean weeks 2, 3, 4, 8, 9: alarms in 2 and 9
    expect(scoreSeries(state, alarms, { from: 0, to: 12 })).toEqual({ outbreaks: 3, delays: [0, 2], nonOutbreakWeeks: 5, falseAlarms: 2 });
  });

  it('window from week 1: the outbreak already under way is dropped, and its week 1 is not a clean week', () => {
    expect(scoreSeries(state, alarms, { from: 1, to: 12 })).toEqual({ outbreaks: 2, delays: [2], nonOutbreakWeeks: 5, falseAlarms: 2 });
  });

  it('window 3..7: the outbreak starting in week 5 counts, but its alarm in week 7 lies outside', () => {
    // clean weeks 3, 4 (no alarms); outbreak 5–7 starts inside, only weeks 5 and 6 are scored → undetected
    expect(scoreSeries(state, alarms, { from: 3, to: 7 })).toEqual({ outbreaks: 1, delays: [], nonOutbreakWeeks: 2, falseAlarms: 0 });
  });

  it('an empty window scores nothing', () => {
    expect(scoreSeries(state, alarms, { from: 4, to: 4 })).toEqual({ outbreaks: 0, delays: [], nonOutbreakWeeks: 0, falseAlarms: 0 });
  });

  it('refuses mismatched lengths and windows outside the series', () => {
    expect(() => scoreSeries([0, 1], [0], { from: 0, to: 2 })).toThrow('scoreSeries requires one alarm per week: 1 alarms, 2 weeks');
    expect(() => scoreSeries([0, 1], [0, 0], { from: 1, to: 3 })).toThrow('scoreSeries: window 1..3 is not inside the 2 weeks');
    expect(() => scoreSeries([0, 1], [0, 0], { from: 2, to: 1 })).toThrow(RangeError);
  });
});

describe('summarisePerformance (hand-worked)', () => {
  it('adds series up: sensitivity per outbreak, false alarms per 100 clean weeks, R-style median delay', () => {
    const scores = Object.freeze([
      Object.freeze({ outbreaks: 3, delays: Object.freeze([0, 2]), nonOutbreakWeeks: 5, falseAlarms: 2 }),
      Object.freeze({ outbreaks: 1, delays: Object.freeze([5]), nonOutbreakWeeks: 395, falseAlarms: 6 }),
      Object.freeze({ outbreaks: 0, delays: Object.freeze([]), nonOutbreakWeeks: 100, falseAlarms: 0 }),
    ]);
    // 3 of 4 outbreaks detected = 0.75; 8 alarms in 500 clean weeks = 1.6 per 100; median(0, 2, 5) = 2
    expect(summarisePerformance(scores)).toEqual({
      outbreaks: 4,
      detected: 3,
      sensitivity: 0.75,
      nonOutbreakWeeks: 500,
      falseAlarms: 8,
      falseAlarmsPer100: 1.6,
      medianDelay: 2,
    });
  });

  it('median of an even number of delays is the mean of the middle two, as R: median(c(0, 1, 3, 4)) = 2', () => {
    expect(summarisePerformance([{ outbreaks: 4, delays: [4, 0, 3, 1], nonOutbreakWeeks: 1, falseAlarms: 0 }]).medianDelay).toBe(2);
  });

  it('gives null rates where there is nothing to divide by', () => {
    expect(summarisePerformance([])).toEqual({
      outbreaks: 0,
      detected: 0,
      sensitivity: null,
      nonOutbreakWeeks: 0,
      falseAlarms: 0,
      falseAlarmsPer100: null,
      medianDelay: null,
    });
    expect(summarisePerformance([{ outbreaks: 2, delays: [], nonOutbreakWeeks: 0, falseAlarms: 0 }])).toMatchObject({ sensitivity: 0, medianDelay: null, falseAlarmsPer100: null });
  });
});

describe('scoring R surveillance 1.20.3 alarms as R evaluate.R does (../shared/vectors/real)', () => {
  // The 14 RKI series with defined outbreaks; each method scored on the weeks R evaluated it ("all" scope).
  // Expected: real/r_performance.csv, written by r/evaluate.R (detection_rate = detected / outbreaks,
  // false_alarms / clean_weeks, median_delay_weeks); exact counts, rates to 1e-9.
  let series: (ReferenceSeries & { state: number[] })[];
  beforeAll(async () => {
    const truth = (await readFile(resolve(REAL_VECTORS, 'truth.csv'), 'utf8')).trim().split('\n').slice(1);
    const outbreakWeeks = new Set(truth.map((line) => line.split(',').slice(0, 2).join('|')));
    series = (await readSeries(REAL_VECTORS))
      .filter((s) => /^(h1_nrwrp|k1|m[1-5]|n[12]|q1_nrwh|q2|s[1-3])$/.test(s.series))
      .map((s) => ({ ...s, state: s.periods.map((p) => (outbreakWeeks.has(`${s.series}|${p}`) ? 1 : 0)) }));
  });

  it.each([
    ['ears_c1', 12, 11, 2624, 106, 1],
    ['ears_c2', 11, 10, 2601, 116, 1],
    ['ears_c3', 11, 10, 2577, 69, 2.5],
    ['farrington_flexible', 0, 0, 682, 13, null],
    ['cusum', 3, 2, 1381, 24, 5.5],
  ] as const)('%s: %i outbreaks, %i detected, false alarms in %i clean weeks: %i, median delay %s', async (method, outbreaks, detected, clean, falseAlarms, delay) => {
    const rows = await readReference(method, REAL_VECTORS);
    expect(series).toHaveLength(14);
    const scores = series.map((s) => {
      const index = new Map(s.periods.map((p, i) => [p, i]));
      const alarms: (0 | 1 | null)[] = s.counts.map(() => null);
      const weeks = rows.filter((r) => r.series === s.series).map((r) => {
        const t = index.get(r.period)!;
        alarms[t] = r.alarm;
        return t;
      });
      // R evaluates every week from its first to the end of the series
      const from = weeks.length > 0 ? Math.min(...weeks) : s.counts.length;
      expect(weeks.length).toBe(s.counts.length - from);
      return scoreSeries(s.state, alarms, { from, to: s.counts.length });
    });
    const p = summarisePerformance(scores);
    expect(p).toMatchObject({ outbreaks, detected, nonOutbreakWeeks: clean, falseAlarms, medianDelay: delay });
    expect(p.falseAlarmsPer100).toBeCloseTo((100 * falseAlarms) / clean, 9);
  });
});
