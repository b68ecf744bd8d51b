import { sampleStandardDeviation } from 'simple-statistics';
import { Rng } from './prng.ts';
import { qnbinom, qpois } from './count-quantiles.ts';
import { cusum, defaultPhaseOne } from './cusum.ts';
import { earsC1, earsC2, earsC3 } from './ears.ts';
import { scoreSeries, summarisePerformance, type EvaluationWindow, type SeriesScore } from './evaluation.ts';
import { farringtonFlexibleDefaults, farringtonWeek } from './farrington-flexible.ts';
import { assessWeek } from './week-assessment.ts';
import { fillTemplate } from '../i18n.ts';
import { plantedEvaluationCopy } from './planted-evaluation.copy.ts';

/**
 * How well each detector, at each alpha or threshold, would have found outbreaks in a hospital's
 * own weekly counts: synthetic outbreaks are planted into the real history (added to the real
 * counts), every method is run as a weekly run would have run it, and the alarms are scored with
 * evaluation.ts. The design follows Noufaily et al. (2013), "An improved algorithm for outbreak
 * detection in multiple surveillance systems", Stat Med 32(7), section 4, and Bédubourg & Le Strat
 * (2017), PLoS ONE 12(7) e0181227, as R surveillance's `sts_creation` implements it.
 */

/** One cell's real weekly counts, oldest first; NaN = a missing week. */
export interface WeeklySeries {
  readonly cell: string;
  readonly counts: readonly number[];
}

/** Alarms in the weeks of a window, one array per setting value, each as long as the series (null outside). */
type WindowAlarms = (y: readonly number[], values: readonly number[], window: EvaluationWindow) => (0 | 1 | null)[][];

function inWindow(alarms: readonly (0 | 1 | null)[], window: EvaluationWindow): (0 | 1 | null)[] {
  return alarms.map((alarm, t) => (t >= window.from && t < window.to ? alarm : null));
}

/** EARS reads only weeks up to t: one run over the whole series judges each week on its own past. */
const ears =
  (detector: typeof earsC1): WindowAlarms =>
  (y, alphas, window) =>
    alphas.map((alpha) => inWindow(detector(y, { alpha }).map((p) => p.alarm), window));

/**
 * Farrington flexible as a run ending in week t would judge it: on b = min(4, floor((t + 1 − 4)/52))
 * years, the default of `farringtonFlexible` for a series of t + 1 weeks (a run over the whole series
 * would give every week the b of the whole length). The fit does not depend on alpha, so each week
 * is fitted once and its plug-in bound taken at every alpha, as `farringtonWeek` takes it.
 */
const farrington: WindowAlarms = (y, alphas, window) => {
  const o = farringtonFlexibleDefaults;
  const alarms = alphas.map(() => y.map((): 0 | 1 | null => null));
  for (let t = window.from; t < window.to; t++) {
    const b = Math.min(4, Math.floor((t + 1 - 4) / o.period));
    const week = b >= 1 ? farringtonWeek(y, t, b, o) : null;
    if (week === null) continue;
    const phi = week.dispersion;
    alphas.forEach((alpha, i) => {
      if (week.upperbound === null) return void (alarms[i]![t] = 0); // the limit54 rule: no alarm
      const bound = phi > 1 ? qnbinom(1 - alpha, week.expected / (phi - 1), 1 / phi) : qpois(1 - alpha, week.expected);
      alarms[i]![t] = y[t]! > bound && y[t]! > 0 ? 1 : 0;
    });
  }
  return alarms;
};

/**
 * CUSUM's phase one depends on the series' length (`defaultPhaseOne`), and S on every week since:
 * a run over weeks 0..e judges each week of a stretch ending at e as a run ending there would, while
 * the phase one stays the same. One run per stretch, not one per week.
 */
const cusumWindow: WindowAlarms = (y, thresholds, window) => {
  const alarms = thresholds.map(() => y.map((): 0 | 1 | null => null));
  for (let from = window.from; from < window.to; ) {
    let to = from + 1;
    while (to < window.to && defaultPhaseOne(to + 1) === defaultPhaseOne(from + 1)) to++;
    const prefix = y.slice(0, to);
    thresholds.forEach((threshold, i) => {
      const points = cusum(prefix, { threshold });
      for (let t = from; t < to; t++) alarms[i]![t] = points[t]!.alarm;
    });
    from = to;
  }
  return alarms;
};

/** `auto` as `autoDetector` judges each week (`assessWeek`), in the window's weeks only. */
const auto: WindowAlarms = (y, values, window) =>
  values.map(() => y.map((_, t) => (t >= window.from && t < window.to ? (assessWeek(y, t)?.alarm ?? null) : null)));

/** The methods that can be evaluated, each with the setting the grid varies. */
const METHODS = {
  ears_c1: { parameter: 'alpha', alarms: ears(earsC1) },
  ears_c2: { parameter: 'alpha', alarms: ears(earsC2) },
  ears_c3: { parameter: 'alpha', alarms: ears(earsC3) },
  farrington_flexible: { parameter: 'alpha', alarms: farrington },
  cusum: { parameter: 'threshold', alarms: cusumWindow },
  // hearken's own choice, with its fixed settings: nothing to vary
  auto: { parameter: null, alarms: auto },
} as const satisfies Record<string, { parameter: 'alpha' | 'threshold' | null; alarms: WindowAlarms }>;

export type EvaluatedMethod = keyof typeof METHODS;

/** One method at one setting. `parameter` and `value` are null for `auto`. */
export interface DetectorConfiguration {
  readonly method: EvaluatedMethod;
  readonly parameter: 'alpha' | 'threshold' | null;
  readonly value: number | null;
}

const ALPHAS = [0.001, 0.005, 0.01, 0.05] as const;
const CUSUM_THRESHOLDS = [2, 3, 5, 8] as const;

/** EARS C1–C3 and Farrington flexible at four alphas, CUSUM at four thresholds h, and `auto`. */
export const defaultConfigurations: readonly DetectorConfiguration[] = Object.freeze([
  ...(['ears_c1', 'ears_c2', 'ears_c3', 'farrington_flexible'] as const).flatMap((method) =>
    ALPHAS.map((value) => Object.freeze({ method, parameter: 'alpha' as const, value })),
  ),
  ...CUSUM_THRESHOLDS.map((value) => Object.freeze({ method: 'cusum' as const, parameter: 'threshold' as const, value })),
  Object.freeze({ method: 'auto' as const, parameter: null, value: null }),
]);

export interface PlantedEvaluationOptions {
  /** Seed of every random draw: the same seed and series give the same table. */
  seed: string;
  /** Outbreak sizes k: an outbreak's extra count is Poisson with mean k × the series' sd of counts. */
  sizes: readonly number[];
  /** Outbreaks planted into each chosen series (fewer where they do not fit). */
  outbreaksPerSeries: number;
  /** Share of the series chosen to receive outbreaks; the others are scored for false alarms only. */
  share: number;
  /** Only the last `onsetWeeks` weeks may hold an onset; they are also the weeks scored. */
  onsetWeeks: number;
  /** ...and never a week with fewer weeks of history before it than this, so the methods are running there. */
  historyWeeks: number;
  /** Weeks kept free of outbreaks on each side of an outbreak, so one does not sit in the baseline of the next. */
  gapWeeks: number;
  /** Log-normal timing of an outbreak's cases after its onset, in weeks (Noufaily et al.: meanlog 0, sdlog 0.5). */
  spread: { readonly meanlog: number; readonly sdlog: number };
  configurations: readonly DetectorConfiguration[];
}

export const plantedEvaluationDefaults: Readonly<PlantedEvaluationOptions> = Object.freeze({
  seed: 'hearken-planted-evaluation',
  sizes: Object.freeze([2, 4, 6, 8]),
  outbreaksPerSeries: 1,
  share: 1,
  onsetWeeks: 104,
  // two years: every method is running (CUSUM from 78 weeks, Farrington flexible from 56, EARS from 10)
  historyWeeks: 104,
  // the EARS C2/C3 baseline reaches 9 weeks back
  gapWeeks: 10,
  spread: Object.freeze({ meanlog: 0, sdlog: 0.5 }),
  configurations: defaultConfigurations,
});

/** One planted outbreak: `cases[i]` extra counts in week `onset + i` (every entry ≥ 1). */
export interface PlantedOutbreak {
  onset: number;
  cases: number[];
}

/** A series with outbreaks planted at one size k. */
export interface PlantedSeries {
  cell: string;
  /** Real counts plus planted cases. */
  counts: number[];
  /** 1 in the weeks of a planted outbreak (R surveillance's `state`). */
  state: (0 | 1)[];
  outbreaks: PlantedOutbreak[];
  /** The weeks that may hold an onset, and are scored; null for a series too short to have any. */
  window: EvaluationWindow | null;
}

/** A method at one setting, scored on outbreaks of one size. */
export interface EvaluationRow {
  method: EvaluatedMethod;
  parameter: 'alpha' | 'threshold' | null;
  value: number | null;
  /** k: the outbreaks' mean extra count in standard deviations of their series' counts. */
  size: number;
  outbreaks: number;
  detected: number;
  /** detected / outbreaks; null without outbreaks. */
  sensitivity: number | null;
  /** Alarms per 100 scored cell-weeks outside the planted outbreaks; null without such weeks. */
  falseAlarmsPer100: number | null;
  /** Median over detected outbreaks of (first alarmed week − onset), in weeks; null if none detected. */
  medianDelay: number | null;
  /** Scored cell-weeks outside the planted outbreaks: the false alarms' denominator. */
  cellWeeks: number;
}

export interface PlantedEvaluation {
  /** One row per size and configuration, sizes ascending, configurations in the order given. */
  rows: EvaluationRow[];
  /** Cells too short to have a week with `historyWeeks` of history: neither planted nor scored. */
  skipped: string[];
}

/** Why a setting or a series cannot be evaluated: a key of planted-evaluation.copy.ts and the values its wording names. */
export class PlantedEvaluationError extends RangeError {
  constructor(
    readonly key: keyof (typeof plantedEvaluationCopy)['en'],
    readonly values: Record<string, string | number> = {},
  ) {
    super(`evaluatePlantedOutbreaks: ${fillTemplate('en', plantedEvaluationCopy.en[key], values)}`);
    this.name = 'PlantedEvaluationError';
  }
}

function normalizeOptions(overrides: Partial<PlantedEvaluationOptions>): PlantedEvaluationOptions {
  const o = { ...plantedEvaluationDefaults, ...overrides };
  if (o.sizes.length === 0 || !o.sizes.every((k) => Number.isFinite(k) && k > 0)) throw new PlantedEvaluationError('planted.sizes', { sizes: o.sizes.join(', ') });
  if (!(o.share >= 0 && o.share <= 1)) throw new PlantedEvaluationError('planted.share', { value: o.share });
  // the settings that count weeks or outbreaks, each with its least value
  const whole = { outbreaksPerSeries: 0, onsetWeeks: 1, historyWeeks: 0, gapWeeks: 0 } as const;
  for (const [setting, min] of Object.entries(whole) as [keyof typeof whole, number][]) {
    if (!(Number.isInteger(o[setting]) && o[setting] >= min)) throw new PlantedEvaluationError('planted.wholeNumber', { setting, min, value: o[setting] });
  }
  if (!(Number.isFinite(o.spread.meanlog) && o.spread.sdlog > 0)) throw new PlantedEvaluationError('planted.spread');
  for (const c of o.configurations) {
    const method: { parameter: string | null } | undefined = (METHODS as Record<string, { parameter: string | null }>)[c.method];
    if (!method) throw new PlantedEvaluationError('planted.unknownMethod', { method: c.method, methods: Object.keys(METHODS).join(', ') });
    if (c.parameter !== method.parameter) {
      if (method.parameter === null) throw new PlantedEvaluationError('planted.takesNoSetting', { method: c.method, given: String(c.parameter) });
      throw new PlantedEvaluationError('planted.wrongParameter', { method: c.method, expected: method.parameter, given: String(c.parameter) });
    }
    const bad = c.parameter === 'alpha' ? !(c.value !== null && c.value > 0 && c.value < 1)
      : c.parameter === 'threshold' ? !(c.value !== null && c.value > 0)
      : c.value !== null;
    if (bad) throw new PlantedEvaluationError(c.parameter === null ? 'planted.noValue' : 'planted.outOfRange', { method: c.method, parameter: c.parameter ?? '', value: String(c.value) });
  }
  return o;
}

function checkSeries(series: readonly WeeklySeries[]): void {
  const seen = new Set<string>();
  for (const { cell, counts } of series) {
    if (seen.has(cell)) throw new PlantedEvaluationError('planted.cellTwice', { cell });
    seen.add(cell);
    const bad = counts.findIndex((c) => !Number.isNaN(c) && !(Number.isInteger(c) && c >= 0));
    if (bad >= 0) throw new PlantedEvaluationError('planted.badCount', { cell, week: bad, count: counts[bad]! });
  }
}

/** The weeks of a series that may hold an onset and are scored; null if there are none. */
function onsetWindow(length: number, o: PlantedEvaluationOptions): EvaluationWindow | null {
  const from = Math.max(length - o.onsetWeeks, o.historyWeeks);
  return from < length ? { from, to: length } : null;
}

/** Sample standard deviation (n − 1) of the weeks that are not missing; 0 with fewer than two. */
function countSd(counts: readonly number[]): number {
  const present = counts.filter((c) => !Number.isNaN(c));
  return present.length < 2 ? 0 : sampleStandardDeviation(present);
}

/**
 * One outbreak's cases per week, onset first. Each case falls `floor(X)` weeks after the onset,
 * X log-normal, redrawn beyond 20 weeks (R surveillance's `lognormDiscrete(Dmax = 20)`); weeks that
 * drew no case are closed up, as `sts_creation` does, so the outbreak is one run of weeks that each
 * hold a case and the delay to detection counts from a week with cases.
 * Empty when the Poisson total is 0.
 */
function outbreakCases(mean: number, spread: PlantedEvaluationOptions['spread'], rng: Rng): number[] {
  const total = rng.poisson(mean);
  const perOffset: number[] = [];
  for (let i = 0; i < total; i++) {
    let offset: number;
    do offset = Math.floor(rng.lognormal(Math.exp(spread.meanlog), spread.sdlog));
    while (offset >= 20);
    perOffset[offset] = (perOffset[offset] ?? 0) + 1;
  }
  return perOffset.filter((n) => n > 0);
}

/**
 * Plants outbreaks of size k into real weekly series. A share `share` of the cells (chosen by the
 * seed, whatever the input order) gets `outbreaksPerSeries` outbreaks each, with onsets uniform over
 * the scored window, the whole outbreak inside the series and `gapWeeks` clean weeks around it (an
 * outbreak that finds no room in 100 tries is dropped, as in the R reference's make_series.R). Its
 * total is Poisson with mean k × the sample sd of the series' real counts (Noufaily et al. 2013
 * section 4 take the sd of the baseline model at the onset; a real history has no model, so its
 * spread over the whole series stands in, which is larger where there are seasons or a trend).
 * The cases are spread over the following weeks by a log-normal onset profile, not equally: with
 * the default spread half fall in the onset week, 42% in the next and 8% later, the shape of a
 * point-source outbreak, and the one the published comparisons used, so results can be compared.
 * Planted cases are added to the real counts; a missing (NaN) week stays missing. Series too
 * short for a window are returned unplanted with a null window.
 *
 * The draws come from streams named after the seed, the cell and k, so one cell's outbreaks do not
 * depend on the other cells, and a cell's onsets come from the same stream at every k (they differ
 * only where an outbreak of another length does not fit).
 *
 * @example plantOutbreaks([{ cell: 'ward 3', counts }], 4)[0].state // 1 in the planted weeks
 */
export function plantOutbreaks(
  series: readonly WeeklySeries[],
  size: number,
  overrides: Partial<PlantedEvaluationOptions> = {},
): PlantedSeries[] {
  const o = normalizeOptions({ ...overrides, sizes: [size] });
  checkSeries(series);
  const root = new Rng(o.seed);
  const cells = series.map((s) => s.cell).sort();
  const chosen = new Set(root.fork('share').shuffled(cells).slice(0, Math.round(o.share * cells.length)));
  return series.map(({ cell, counts }) => {
    const planted = counts.slice();
    const state: (0 | 1)[] = counts.map(() => 0);
    const outbreaks: PlantedOutbreak[] = [];
    const window = onsetWindow(counts.length, o);
    if (window === null || !chosen.has(cell)) return { cell, counts: planted, state, outbreaks, window };
    const onsetDraws = root.fork(`onset/${cell}`);
    const caseDraws = root.fork(`cases/${size}/${cell}`);
    const mean = size * countSd(counts);
    for (let n = 0; n < o.outbreaksPerSeries; n++) {
      const cases = outbreakCases(mean, o.spread, caseDraws);
      if (cases.length === 0) continue;
      for (let attempt = 0; attempt < 100; attempt++) {
        const onset = onsetDraws.int(window.from, window.to - 1);
        if (onset + cases.length > window.to) continue;
        const guardFrom = Math.max(0, onset - o.gapWeeks);
        const guardTo = Math.min(counts.length, onset + cases.length + o.gapWeeks);
        if (state.slice(guardFrom, guardTo).includes(1)) continue;
        cases.forEach((extra, i) => {
          planted[onset + i]! += extra;
          state[onset + i] = 1;
        });
        outbreaks.push({ onset, cases });
        break;
      }
    }
    outbreaks.sort((a, b) => a.onset - b.onset);
    return { cell, counts: planted, state, outbreaks, window };
  });
}

/**
 * The alarms of each configuration in the weeks of `window` as weekly runs would have raised them:
 * week t judged on weeks 0..t only, with the settings a series of t + 1 weeks gets, as the backtest
 * replays history (a run over the whole series would give Farrington flexible 4 years of baseline in
 * weeks that had 2, and would not evaluate those weeks at all). Weeks outside the window are null.
 *
 * @example prospectiveAlarms(counts, [{ method: 'cusum', parameter: 'threshold', value: 5 }], { from: 156, to: 260 })[0]
 */
export function prospectiveAlarms(
  counts: readonly number[],
  configurations: readonly DetectorConfiguration[],
  window: EvaluationWindow,
): (0 | 1 | null)[][] {
  const result: (0 | 1 | null)[][] = [];
  // one call per method, so that Farrington flexible fits each week once for all its alphas
  for (const method of new Set(configurations.map((c) => c.method))) {
    const indices = configurations.flatMap((c, i) => (c.method === method ? [i] : []));
    const values = indices.map((i) => configurations[i]!.value ?? Number.NaN);
    METHODS[method].alarms(counts, values, window).forEach((alarms, j) => (result[indices[j]!] = alarms));
  }
  return result;
}

/**
 * The planted-outbreak evaluation: for each outbreak size k and each method × setting, the share of
 * planted outbreaks with an alarm in one of their weeks (sensitivity), the alarms per 100 scored
 * cell-weeks outside them, and the median weeks from onset to the first alarm, over all cells
 * (scoreSeries and summarisePerformance of evaluation.ts). Outbreaks the real history already holds
 * are not labelled: their alarms count as false here, so the false-alarm rate is an upper bound.
 * Each week is judged as a weekly run would have judged it (`prospectiveAlarms`).
 *
 * @example evaluatePlantedOutbreaks(series, { seed: 'ward-review-2026' }).rows
 * // [{ method: 'ears_c1', parameter: 'alpha', value: 0.001, size: 2, outbreaks: 40, detected: 13, sensitivity: 0.325, … }, …]
 */
export function evaluatePlantedOutbreaks(series: readonly WeeklySeries[], overrides: Partial<PlantedEvaluationOptions> = {}): PlantedEvaluation {
  const o = normalizeOptions(overrides);
  checkSeries(series);
  const skipped = series.filter((s) => onsetWindow(s.counts.length, o) === null).map((s) => s.cell);
  const rows: EvaluationRow[] = [];
  for (const size of [...new Set(o.sizes)].sort((a, b) => a - b)) {
    const scores: SeriesScore[][] = o.configurations.map(() => []);
    for (const { counts, state, window } of plantOutbreaks(series, size, o)) {
      if (window === null) continue;
      prospectiveAlarms(counts, o.configurations, window).forEach((alarms, i) => scores[i]!.push(scoreSeries(state, alarms, window)));
    }
    o.configurations.forEach((configuration, i) => {
      const performance = summarisePerformance(scores[i]!);
      rows.push({
        method: configuration.method,
        parameter: configuration.parameter,
        value: configuration.value,
        size,
        outbreaks: performance.outbreaks,
        detected: performance.detected,
        sensitivity: performance.sensitivity,
        falseAlarmsPer100: performance.falseAlarmsPer100,
        medianDelay: performance.medianDelay,
        cellWeeks: performance.nonOutbreakWeeks,
      });
    });
  }
  return { rows, skipped };
}
