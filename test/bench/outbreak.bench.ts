import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { queryRows } from '../../pipeline/db.ts';
import { outbreakRuns, scoreSeries, summarisePerformance, type DetectionPerformance, type EvaluationWindow } from '../../pipeline/detect/evaluation.ts';
import { DETECTORS } from '../../pipeline/detect/methods.ts';
import type { DetectionPoint } from '../../pipeline/detect/types.ts';
import { SHARED } from '../support/shared.ts';
import { rHarnessAvailable, runRHarness, SHARED_METHODS } from './detect.bench.ts';

const LABELLED_DATA = join(SHARED, 'data/surveillance_outbreak_series/surveillance_series_long.csv');

/**
 * The 14 RKI SurvStat series of R surveillance documented as "including their defined outbreaks"
 * (help page `m1`): 209 weeks each from 2001-W01. `ha` also carries a `state` (weeks 286–289 of all
 * 12 districts) that the package does not document, so, as in ../shared/vectors/README.md, it is left out.
 */
const RKI_SERIES = ['h1_nrwrp', 'k1', 'm1', 'm2', 'm3', 'm4', 'm5', 'n1', 'n2', 'q1_nrwh', 'q2', 's1', 's2', 's3'] as const;

/** The contract's methods; `auto` has no R counterpart (it changes method as a series' history grows), so it is scored for hearken alone. */
const METHODS = [...SHARED_METHODS, 'auto'] as const;
type Method = (typeof METHODS)[number];
type Alarm = 0 | 1 | null;

interface LabelledSeries {
  name: string;
  counts: number[];
  state: number[];
}

/** One method on one scope, hearken next to R on the same weeks. */
export interface OutbreakMethodResult {
  method: Method;
  scope: 'common' | 'own';
  /** Series-weeks scored. */
  weeks: number;
  hearken: DetectionPerformance;
  r: DetectionPerformance | null;
  /** Share of the scored weeks whose alarm (0, 1 or not computable) is the same in hearken and R. */
  alarmAgreement: number | null;
}

/** One labelled outbreak and, per method, the delay to its first alarm: a number, 'missed', or 'outside' its window. */
export interface OutbreakDetail {
  series: string;
  /** 1-based weeks, as in the data set. */
  firstWeek: number;
  lastWeek: number;
  hearken: Record<Method, number | 'missed' | 'outside'>;
  /** R's, for the methods R has (not `auto`). */
  r: Partial<Record<Method, number | 'missed' | 'outside'>> | null;
}

export interface OutbreakBenchResult {
  series: string[];
  methods: OutbreakMethodResult[];
  outbreaks: OutbreakDetail[];
  /** Weeks where R evaluated a method and hearken did not, or the other way round (should be 0). */
  windowMismatches: number | null;
}

async function readLabelledSeries(): Promise<LabelledSeries[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const rows = await queryRows<{ name: string; counts: (number | null)[]; state: number[]; freq: number[] }>(
      connection,
      `select dataset as name, list(observed order by t) as counts, list(outbreak_state order by t) as state, list(distinct freq) as freq
       from read_csv($path, columns = {'dataset': 'varchar', 'object_class': 'varchar', 'series': 'varchar', 't': 'integer', 'year': 'integer',
         'period': 'integer', 'freq': 'integer', 'date': 'varchar', 'observed': 'integer', 'outbreak_state': 'integer'}, header = true)
       where list_contains($names, dataset)
       group by dataset order by dataset`,
      { path: LABELLED_DATA, names: listValue([...RKI_SERIES]) },
    );
    if (rows.length !== RKI_SERIES.length || rows.some((r) => r.freq.length !== 1 || r.freq[0] !== 52)) {
      throw new Error(`outbreaks: expected the ${RKI_SERIES.length} weekly RKI series in ${LABELLED_DATA}`);
    }
    return rows.map((r) => ({ name: r.name, counts: r.counts.map((c) => c ?? Number.NaN), state: [...r.state] }));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The first week (0-based) a method evaluates: its first point that is not all null; n if none. */
function firstEvaluated(points: readonly DetectionPoint[]): number {
  const first = points.findIndex((p) => p.expected !== null || p.alarm !== null || p.upperbound !== null);
  return first === -1 ? points.length : first;
}

/** R's alarms per series and method, 0-based by week, from the harness output; `evaluated` holds the weeks R emitted. */
async function readRAlarms(path: string, series: readonly LabelledSeries[]): Promise<Map<string, { alarms: Alarm[]; evaluated: Set<number> }>> {
  const lines = (await readFile(path, 'utf8')).trim().split('\n');
  const header = lines.shift()?.split(',') ?? [];
  const col = (name: string) => header.indexOf(name);
  const [iSeries, iPeriod, iMethod, iAlarm] = [col('series'), col('period'), col('method'), col('alarm')];
  const length = new Map(series.map((s) => [s.name, s.counts.length]));
  const out = new Map<string, { alarms: Alarm[]; evaluated: Set<number> }>();
  for (const line of lines) {
    // series names here are plain identifiers, so the harness writes no quoted fields
    const fields = line.split(',');
    const name = fields[iSeries]!;
    const key = `${name}\t${fields[iMethod]}`;
    let entry = out.get(key);
    if (!entry) {
      entry = { alarms: Array.from({ length: length.get(name) ?? 0 }, () => null), evaluated: new Set() };
      out.set(key, entry);
    }
    const week = Number(fields[iPeriod]) - 1;
    const alarm = fields[iAlarm];
    entry.alarms[week] = alarm === '1' ? 1 : alarm === '0' ? 0 : null;
    entry.evaluated.add(week);
  }
  return out;
}

function agreement(a: readonly Alarm[], b: readonly Alarm[], window: EvaluationWindow): { same: number; weeks: number } {
  let same = 0;
  for (let t = window.from; t < window.to; t++) if (a[t] === b[t]) same++;
  return { same, weeks: window.to - window.from };
}

function outcome(state: readonly number[], alarms: readonly Alarm[], start: number, end: number, window: EvaluationWindow): number | 'missed' | 'outside' {
  if (start < window.from || start >= window.to) return 'outside';
  // this outbreak alone: the other outbreaks' weeks do not matter for its delay
  const delays = scoreSeries(state.map((s, t) => (t >= start && t <= end ? s : 0)), alarms, window).delays;
  return delays[0] ?? 'missed';
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits: number) => (x === null ? '–' : x.toFixed(digits));

/**
 * Early warning on real outbreaks: every contract method over the 14 RKI series with defined outbreak
 * weeks, hearken next to R surveillance (the shared harness, same settings, same run), scored with
 * pipeline/detect/evaluation.ts on two windows per series:
 * - common: from the first week every method evaluates (Farrington flexible's, 52·b + 4 with
 *   b = min(4, floor((n − 4)/52)): week 160 of 209) to the end, the same weeks for every method;
 * - own: from the first week each method evaluates (EARS C1/C2/C3 weeks 8/10/12, CUSUM 105, Farrington
 *   160, auto 10) to the end: more outbreaks, but not the same ones for every method.
 */
export async function benchOutbreaks(workDir: string, log: (line: string) => void): Promise<OutbreakBenchResult> {
  const series = await readLabelledSeries();
  const totalOutbreaks = series.reduce((n, s) => n + outbreakRuns(s.state).length, 0);
  log(`outbreaks: ${series.length} RKI series, ${series.reduce((n, s) => n + s.counts.length, 0)} weeks, ${totalOutbreaks} labelled outbreaks`);

  const hearken = series.map((s) => {
    const points = Object.fromEntries(METHODS.map((m) => [m, DETECTORS[m]!(s.counts)])) as Record<Method, DetectionPoint[]>;
    const own = Object.fromEntries(METHODS.map((m) => [m, { from: firstEvaluated(points[m]), to: s.counts.length }])) as Record<Method, EvaluationWindow>;
    const common: EvaluationWindow = { from: Math.max(...METHODS.map((m) => own[m].from)), to: s.counts.length };
    const alarms = Object.fromEntries(METHODS.map((m) => [m, points[m].map((p) => p.alarm)])) as Record<Method, Alarm[]>;
    return { alarms, own, common };
  });

  let r: Partial<Record<Method, Alarm[]>>[] | null = null;
  let windowMismatches: number | null = null;
  if (rHarnessAvailable(log)) {
    log('outbreaks: the same series through R surveillance …');
    const input = join(workDir, 'outbreak_series.csv');
    const output = join(workDir, 'outbreak_r_alarms.csv');
    const csv = series.flatMap((s) => s.counts.map((c, t) => `${s.name},${t + 1},${Number.isNaN(c) ? '' : c}`));
    await writeFile(input, `series,period,count\n${csv.join('\n')}\n`);
    runRHarness(input, output, SHARED_METHODS);
    const byKey = await readRAlarms(output, series);
    let mismatches = 0;
    r = series.map((s, i) => {
      const own = hearken[i]!.own;
      const alarms: Partial<Record<Method, Alarm[]>> = {};
      for (const m of SHARED_METHODS) {
        const entry = byKey.get(`${s.name}\t${m}`);
        alarms[m] = entry?.alarms ?? s.counts.map(() => null);
        for (let t = 0; t < s.counts.length; t++) if ((entry?.evaluated.has(t) ?? false) !== t >= own[m].from) mismatches++;
      }
      return alarms;
    });
    windowMismatches = mismatches;
  } else {
    log('outbreaks: R surveillance is not available here; hearken is scored alone');
  }

  const methods: OutbreakMethodResult[] = [];
  for (const scope of ['common', 'own'] as const) {
    for (const m of METHODS) {
      const window = (i: number) => (scope === 'common' ? hearken[i]!.common : hearken[i]!.own[m]);
      const score = (alarmsOf: (i: number) => Alarm[]) => summarisePerformance(series.map((s, i) => scoreSeries(s.state, alarmsOf(i), window(i))));
      const rAlarms = r && m !== 'auto' ? (i: number) => r![i]![m]! : null;
      const same = rAlarms ? series.map((_, i) => agreement(hearken[i]!.alarms[m], rAlarms(i), window(i))) : null;
      methods.push({
        method: m,
        scope,
        weeks: series.reduce((n, _, i) => n + window(i).to - window(i).from, 0),
        hearken: score((i) => hearken[i]!.alarms[m]),
        r: rAlarms ? score(rAlarms) : null,
        alarmAgreement: same ? same.reduce((n, a) => n + a.same, 0) / same.reduce((n, a) => n + a.weeks, 0) : null,
      });
    }
  }

  const outbreaks: OutbreakDetail[] = series.flatMap((s, i) =>
    outbreakRuns(s.state).map(({ start, end }) => {
      const per = (methods: readonly Method[], alarmsOf: (m: Method) => Alarm[]) =>
        Object.fromEntries(methods.map((m) => [m, outcome(s.state, alarmsOf(m), start, end, hearken[i]!.own[m])])) as OutbreakDetail['hearken'];
      return {
        series: s.name,
        firstWeek: start + 1,
        lastWeek: end + 1,
        hearken: per(METHODS, (m) => hearken[i]!.alarms[m]),
        r: r ? per(SHARED_METHODS, (m) => r![i]![m]!) : null,
      };
    }),
  );

  for (const scope of ['common', 'own'] as const) {
    log(`outbreaks: ${scope} window — method, weeks, outbreaks, sensitivity hearken/R, false alarms per 100 hearken/R, median delay hearken/R, alarms agreeing`);
    for (const row of methods.filter((x) => x.scope === scope)) {
      const h = row.hearken;
      log(
        `outbreaks:   ${row.method.padEnd(20)} ${String(row.weeks).padStart(5)} ${String(h.outbreaks).padStart(3)}  ` +
          `${pct(h.sensitivity)} / ${pct(row.r?.sensitivity ?? null)}  ${num(h.falseAlarmsPer100, 2)} / ${num(row.r?.falseAlarmsPer100 ?? null, 2)}  ` +
          `${num(h.medianDelay, 1)} / ${num(row.r?.medianDelay ?? null, 1)}  ${pct(row.alarmAgreement)}`,
      );
    }
  }
  const cell = (x: number | 'missed' | 'outside') => (x === 'missed' ? '–' : x === 'outside' ? '·' : String(x));
  log(`outbreaks: delay to the first alarm per outbreak (– missed, · starts before the method's first week; R in brackets where it differs): ${METHODS.join(', ')}`);
  for (const o of outbreaks) {
    const cells = METHODS.map((m) => {
      const fromR = o.r?.[m];
      return cell(o.hearken[m]) + (fromR !== undefined && fromR !== o.hearken[m] ? ` (R ${cell(fromR)})` : '');
    });
    log(`outbreaks:   ${`${o.series} ${o.firstWeek}–${o.lastWeek}`.padEnd(20)} ${cells.join('  ')}`);
  }
  if (windowMismatches !== null) log(`outbreaks: weeks evaluated by only one of hearken and R: ${windowMismatches}`);
  return { series: series.map((s) => s.name), methods, outbreaks, windowMismatches };
}
