import { describe, expect, it } from 'vitest';
import { cusum } from '../../pipeline/detect/cusum.ts';
import { earsC1, earsC2, earsC3 } from '../../pipeline/detect/ears.ts';
import { farringtonFlexible } from '../../pipeline/detect/farrington-flexible.ts';
import { autoDetector } from '../../pipeline/detect/methods.ts';
import {
  defaultConfigurations,
  evaluatePlantedOutbreaks,
  plantOutbreaks,
  prospectiveAlarms,
  type DetectorConfiguration,
  type EvaluationRow,
  type WeeklySeries,
} from '../../pipeline/detect/planted-evaluation.ts';
import type { DetectionPoint } from '../../pipeline/detect/types.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { formatEvaluationCsv, formatEvaluationTable } from '../../pipeline/publish/evaluation-file.ts';

const freeze = (cell: string, counts: number[]): WeeklySeries => Object.freeze({ cell, counts: Object.freeze(counts) });

/** 260 weeks of Poisson(10): sd of its counts ≈ √10. */
const rng = new Rng('planted-evaluation-test/flat');
const FLAT = freeze('flat', Array.from({ length: 260 }, () => rng.poisson(10)));

/**
 * 120 weeks alternating 4, 6 with a single 30 in week 110. Scored window (the last 104 weeks, but
 * not before week 104): weeks 104..119, 16 weeks.
 */
const ALTERNATING = freeze('alternating', Array.from({ length: 120 }, (_, t) => (t === 110 ? 30 : t % 2 === 0 ? 4 : 6)));

/** A seasonal, over-dispersed series with rises, long enough to cross b = 2→3→4 and CUSUM's phase one. */
const noisy = new Rng('planted-evaluation-test/noisy');
const NOISY = freeze(
  'noisy',
  Array.from({ length: 225 }, (_, t) => noisy.negBinomial(8 * Math.exp(0.4 * Math.cos((2 * Math.PI * t) / 52)) * (t % 37 < 2 ? 4 : 1), 4)),
);

const detectorOf = (c: DetectorConfiguration): ((y: readonly number[]) => DetectionPoint[]) => {
  const value = c.value!;
  switch (c.method) {
    case 'ears_c1':
      return (y) => earsC1(y, { alpha: value });
    case 'ears_c2':
      return (y) => earsC2(y, { alpha: value });
    case 'ears_c3':
      return (y) => earsC3(y, { alpha: value });
    case 'farrington_flexible':
      return (y) => farringtonFlexible(y, { alpha: value });
    case 'cusum':
      return (y) => cusum(y, { threshold: value });
    case 'auto':
      return autoDetector;
  }
};

describe('plantOutbreaks', () => {
  it('adds the planted cases to the real counts and labels exactly their weeks', () => {
    const [planted] = plantOutbreaks([FLAT], 4, { outbreaksPerSeries: 2 });
    expect(planted!.window).toEqual({ from: 156, to: 260 });
    expect(planted!.outbreaks).toHaveLength(2);
    const extra = planted!.counts.map((c, t) => c - FLAT.counts[t]!);
    const expected = FLAT.counts.map(() => 0);
    for (const { onset, cases } of planted!.outbreaks) cases.forEach((n, i) => (expected[onset + i] = n));
    expect(extra).toEqual(expected);
    expect(planted!.state).toEqual(expected.map((n) => (n > 0 ? 1 : 0)));
    for (const { onset, cases } of planted!.outbreaks) {
      expect(onset).toBeGreaterThanOrEqual(156);
      expect(onset + cases.length).toBeLessThanOrEqual(260);
      expect(cases.every((n) => Number.isInteger(n) && n >= 1)).toBe(true);
    }
    // 10 clean weeks between the two outbreaks
    const [a, b] = planted!.outbreaks;
    expect(b!.onset - (a!.onset + a!.cases.length)).toBeGreaterThanOrEqual(10);
  });

  it('draws totals Poisson(k × sd) spread over weeks by the log-normal(0, 0.5) profile', () => {
    // 2000 copies of the flat series, k = 30: totals of mean 30 · sd ≈ 95, so the first two weeks
    // always hold a case and their shares are those of floor(X), X ~ lognormal(0, 0.5):
    // P(X < 1) = Φ(0) = 0.5, P(1 ≤ X < 2) = Φ(ln 2/0.5) − 0.5 = 0.4171715 (R's plnorm(2, 0, 0.5) − 0.5;
    // computed here from the normal CDF, Python's 0.5·(1 + erf(1.386294/√2)) − 0.5)
    const copies = Array.from({ length: 2000 }, (_, i) => ({ cell: `c${i}`, counts: FLAT.counts }));
    const planted = plantOutbreaks(copies, 30);
    const mean = FLAT.counts.reduce((s, c) => s + c, 0) / 260;
    const sd = Math.sqrt(FLAT.counts.reduce((s, c) => s + (c - mean) ** 2, 0) / 259);
    const outbreaks = planted.flatMap((p) => p.outbreaks);
    expect(outbreaks).toHaveLength(2000);
    const totals = outbreaks.map((o) => o.cases.reduce((s, n) => s + n, 0));
    const all = totals.reduce((s, n) => s + n, 0);
    // standard error of the mean total √(95/2000) ≈ 0.22
    expect(Math.abs(all / 2000 - 30 * sd)).toBeLessThan(1);
    const share = (week: number) => outbreaks.reduce((s, o) => s + (o.cases[week] ?? 0), 0) / all;
    // standard error of a share ≈ √(0.25/190000) ≈ 0.0011
    expect(share(0)).toBeCloseTo(0.5, 2);
    expect(share(1)).toBeCloseTo(0.4171715, 2);
  });

  it('plants into the given share of cells, whatever their order, and the same seed plants the same', () => {
    const cells = Array.from({ length: 10 }, (_, i) => ({ cell: `ward ${i}`, counts: FLAT.counts }));
    const forward = plantOutbreaks(cells, 4, { share: 0.3 });
    const backward = plantOutbreaks([...cells].reverse(), 4, { share: 0.3 });
    expect(forward.filter((p) => p.outbreaks.length > 0)).toHaveLength(3);
    expect([...backward].reverse()).toEqual(forward);
    expect(plantOutbreaks(cells, 4, { share: 0.3, seed: 'another' })).not.toEqual(forward);
  });

  it('leaves a series too short for a window unplanted', () => {
    const [short] = plantOutbreaks([freeze('short', Array(104).fill(3))], 4);
    expect(short).toEqual({ cell: 'short', counts: Array(104).fill(3), state: Array(104).fill(0), outbreaks: [], window: null });
  });
});

describe('prospectiveAlarms', () => {
  it('gives each week what a run on the weeks up to it gives (brute force, every method)', () => {
    // weeks 150..224 cross CUSUM's phase one 52 → 104 (n = 156) and Farrington's b = 2 → 3 → 4 (n = 160, 212)
    const window = { from: 150, to: 225 };
    const configurations = defaultConfigurations.filter((c) => c.method !== 'farrington_flexible' || c.value === 0.001 || c.value === 0.05);
    const alarms = prospectiveAlarms(NOISY.counts, configurations, window);
    configurations.forEach((c, i) => {
      const detector = detectorOf(c);
      // auto judges each week on its own past already: one run over the whole series
      const whole = c.method === 'auto' ? detector(NOISY.counts) : null;
      const brute = NOISY.counts.map((_, t) =>
        t < window.from ? null : (whole?.[t] ?? detector(NOISY.counts.slice(0, t + 1))[t]!).alarm,
      );
      expect({ configuration: c, alarms: alarms[i] }).toEqual({ configuration: c, alarms: brute });
    });
    // so that the comparison compares alarms, not only nulls and zeros
    const alarmed = configurations.map((_, i) => alarms[i]!.filter((a) => a === 1).length);
    expect(alarmed.every((n) => n > 0)).toBe(true);
  });
});

describe('evaluatePlantedOutbreaks', () => {
  it('without planted outbreaks, scores each detector’s own alarms as false (hand-worked)', () => {
    // Window weeks 104..119. The 30 of week 110 is the only count above any bound: EARS C1, C2,
    // Farrington flexible (mean ≈ 5, φ = 1, bound qpois(0.999, 5) = 13), CUSUM (μ0 = 5, S = 0.693·30 − 5
    // = 15.8 > h) and auto alarm there once: 1 in 16 weeks = 6.25 per 100. R's C3 ignores the current
    // week and alarms in weeks 111 and 112, whose two previous C2 statistics include (30 − 5)/1.07:
    // 2 in 16 = 12.5 per 100.
    const { rows, skipped } = evaluatePlantedOutbreaks([ALTERNATING], { share: 0, sizes: [4] });
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(defaultConfigurations.length);
    for (const row of rows) {
      expect(row).toEqual({
        method: row.method,
        parameter: row.parameter,
        value: row.value,
        size: 4,
        outbreaks: 0,
        detected: 0,
        sensitivity: null,
        falseAlarmsPer100: row.method === 'ears_c3' ? 12.5 : 6.25,
        medianDelay: null,
        cellWeeks: 16,
      });
    }
  });

  it('finds one big outbreak in a flat series at once; R’s C3 a week later', () => {
    // k = 30: about 95 extra cases over a mean of 10, half of them in the onset week
    const [planted] = plantOutbreaks([FLAT], 30);
    const [outbreak] = planted!.outbreaks;
    expect(outbreak!.cases[0]).toBeGreaterThan(30);
    expect(outbreak!.cases[1]).toBeGreaterThan(10);
    const { rows } = evaluatePlantedOutbreaks([FLAT], { sizes: [30] });
    for (const row of rows) {
      expect(row).toMatchObject({ size: 30, outbreaks: 1, detected: 1, sensitivity: 1, medianDelay: row.method === 'ears_c3' ? 1 : 0 });
      expect(row.cellWeeks).toBe(104 - outbreak!.cases.length);
    }
  });

  it('is the same for the same seed, and reports cells it could not score', () => {
    const series = [FLAT, NOISY, freeze('new ward', Array(60).fill(2))];
    const options = { sizes: [2, 6], configurations: defaultConfigurations.filter((c) => c.method.startsWith('ears')) };
    const first = evaluatePlantedOutbreaks(series, options);
    expect(evaluatePlantedOutbreaks(series, options)).toEqual(first);
    expect(first.skipped).toEqual(['new ward']);
    expect(first.rows.map((r) => [r.size, r.outbreaks])).toEqual([...Array(12).fill([2, 2]), ...Array(12).fill([6, 2])]);
    // the 104-week window of FLAT plus NOISY's weeks 121..224, less the planted weeks
    const planted = plantOutbreaks(series, 2).reduce((n, p) => n + p.state.filter((s) => s === 1).length, 0);
    expect(first.rows[0]!.cellWeeks).toBe(104 + 104 - planted);
  });

  it('refuses settings it cannot evaluate', () => {
    expect(() => evaluatePlantedOutbreaks([FLAT], { share: 2 })).toThrow('evaluatePlantedOutbreaks: share must be between 0 and 1, got 2');
    expect(() => evaluatePlantedOutbreaks([FLAT], { configurations: [{ method: 'shewhart' as 'auto', parameter: null, value: null }] })).toThrow(
      'unknown method: shewhart',
    );
    expect(() => evaluatePlantedOutbreaks([FLAT], { configurations: [{ method: 'cusum', parameter: 'alpha', value: 0.01 }] })).toThrow(
      'cusum takes threshold, not alpha',
    );
    expect(() => evaluatePlantedOutbreaks([FLAT, FLAT])).toThrow('cell flat is given twice');
    expect(() => evaluatePlantedOutbreaks([freeze('x', [1, -2])])).toThrow('cell x, week 1: count must be a whole number >= 0, not -2');
  });
});

describe('formatting the table', () => {
  const rows: readonly EvaluationRow[] = Object.freeze([
    { method: 'farrington_flexible', parameter: 'alpha', value: 0.005, size: 4, outbreaks: 40, detected: 27, sensitivity: 0.675, falseAlarmsPer100: 1.23456, medianDelay: 0.5, cellWeeks: 4076 },
    { method: 'auto', parameter: null, value: null, size: 4, outbreaks: 0, detected: 0, sensitivity: null, falseAlarmsPer100: null, medianDelay: null, cellWeeks: 0 },
  ] as const);

  it('writes CSV with English column names, R’s rounding, and blanks where undefined', () => {
    expect(formatEvaluationCsv(rows)).toBe(
      'method,parameter,value,size_k,outbreaks,detected,sensitivity,false_alarms_per_100,median_delay_weeks,cell_weeks\n' +
        'farrington_flexible,alpha,0.005,4,40,27,0.675,1.235,0.5,4076\n' +
        'auto,,,4,0,0,,,,0\n',
    );
  });

  it('writes Markdown for people in their language', () => {
    expect(formatEvaluationTable(rows, 'en')).toBe(
      '| Method | Setting | Outbreak size (k × SD) | Outbreaks planted | Detected | Sensitivity | False alarms per 100 cell-weeks | Median weeks to detection | Cell-weeks without outbreak |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' +
        '| `farrington_flexible` | `alpha = 0.005` | 4 | 40 | 27 | 68% | 1.23 | 0.5 | 4,076 |\n' +
        '| `auto` | hearken’s choice per series | 4 | 0 | 0 | – | – | – | 0 |\n',
    );
    const vi = formatEvaluationTable(rows, 'vi').split('\n');
    expect(vi[0]).toContain('| Độ nhạy |');
    expect(vi[2]).toBe('| `farrington_flexible` | `alpha = 0.005` | 4 | 40 | 27 | 68% | 1,23 | 0,5 | 4.076 |');
  });

  it('has every heading in all three languages', () => {
    const headings = (language: 'en' | 'zh' | 'vi') => formatEvaluationTable(rows, language).split('\n')[0]!.split(' | ');
    expect(headings('zh')).toHaveLength(9);
    expect(headings('vi')).toHaveLength(9);
    headings('en').forEach((english, i) => {
      expect(headings('zh')[i]).not.toBe(english);
      expect(headings('vi')[i]).not.toBe(english);
    });
  });
});
