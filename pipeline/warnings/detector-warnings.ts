import { createHash } from 'node:crypto';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryRows, setVariables } from '../db.ts';
import { CELL_COUNT_MODELS, type StepModels } from '../plan.ts';
import { assessWeek, baselinePValue, passesGuard, type AssessmentOptions, type WeekAssessment } from '../detect/week-assessment.ts';
import { keyness } from '../frequency/keyness.ts';
import { pickQuotes } from '../frequency/quotes.ts';
import { termKey, termSurfaces } from '../frequency/terms.ts';
import { benjaminiHochberg } from '../statistics/benjamini_hochberg.ts';
import { appendRows } from '../table-writer.ts';
import type { Language } from '../text/types.ts';
import { addDays } from '../time.ts';
import { cellParts, groupSignals, recordKey, recordOf, type CellSignal, type SignalGroup } from './signal-groups.ts';
import { detectionDefaults, type DetectionSettings } from './detection-settings.ts';
import { signalSeverity } from './severity.ts';
import { DETECTOR_KINDS, legacyWarningKey, openWarningIds, warningId, type WarningCandidate, type WarningHistory, type WarningWeek } from './warnings.ts';

/** How many weeks of a detector warning's cell, to its own, the warning carries for its chart. */
const WEEKLY_SERIES_WEEKS = 12;


/** One hospital's cell: its 7-day counts from its series start (`weeks[start]`) to the last window read. */
export interface CellSeries {
  kind: CellSignal['kind'];
  hospital: string;
  cell: string;
  start: number;
  counts: number[];
}

/** A cell of one hospital: cells of two hospitals are two series, though their parts read the same (two campuses' departments). */
function seriesKey(hospital: string, cell: string): string {
  return JSON.stringify([hospital, cell]);
}

/**
 * Every hospital's cells' counts in 7-day windows, the last one starting on `lastWeek` (any day:
 * the first of the seven days up to a run's as-of date), on one axis of window starts, oldest first.
 * With `groupCells`, only the cells alert_group_baselines names: a warning's chart needs its own
 * cell, and the whole warehouse's cells are hundreds of thousands of cell-weeks to read.
 */
async function readCellSeries(connection: DuckDBConnection, lastWeek: string, groupCells = false): Promise<{ weeks: string[]; cells: CellSeries[] }> {
  // a row per cell, its windows' counts listed: a row per cell-window would convert its names' strings each time
  const rows = await queryRows<{ kind: CellSignal['kind']; hospital: string; cell: string; start_back: number; backs: number[]; records: number[] }>(
    connection,
    `with windows as (
         select kind, hospital, cell, date_diff('day', series_start, $end::date) // 7 as start_back, date_diff('day', day, $end::date) // 7 as back, sum(records)::integer as records
         from int_alert_cell_days ${groupCells ? 'semi join alert_group_baselines using (hospital, cell)' : ''}
         where day <= $end::date group by all
     )
     select kind, hospital, cell, start_back::integer as start_back, list(back::integer) as backs, list(records) as records
     from windows group by all order by hospital, cell`,
    { end: addDays(lastWeek, 6) },
  );
  const oldest = rows.reduce((max, row) => Math.max(max, row.start_back), -1);
  const weeks = Array.from({ length: oldest + 1 }, (_, i) => addDays(lastWeek, -7 * (oldest - i)));
  const cells = rows.map(({ kind, hospital, cell, start_back, backs, records }): CellSeries => {
    const start = oldest - start_back;
    const counts = new Array<number>(weeks.length - start).fill(0);
    backs.forEach((back, i) => (counts[oldest - back - start] = records[i]!));
    return { kind, hospital, cell, start, counts };
  });
  return { weeks, cells };
}

/**
 * The weekly complaint counts of the cells of one dimension (`department` for the department ×
 * category cells), each from its series start to the window starting `lastWeek`, a
 * week without a complaint counting 0: the series `detectSignals` judges, for an evaluation of the
 * detectors on them. Each cell is one hospital's, named by its hospital and parts as JSON.
 * Reads int_alert_cell_days, so it comes after `detectSignals` has built it.
 *
 * @example await readCellCounts(connection, '2026-11-09', 'department') // [{ cell: '["Bệnh viện A","department","Khoa Nhi","facility"]', counts: [0, 2, 1, …] }, …]
 */
export async function readCellCounts(connection: DuckDBConnection, lastWeek: string, dimension: string): Promise<{ cell: string; counts: number[] }[]> {
  const { cells } = await readCellSeries(connection, lastWeek);
  return cells
    .filter((series) => cellParts(series.cell)[0] === dimension)
    .map(({ hospital, cell, counts }) => ({ cell: JSON.stringify([hospital, ...cellParts(cell)]), counts }));
}

/**
 * The last `WEEKLY_SERIES_WEEKS` windows of a signal's cell to the signal's own, each judged by
 * assessWeek on the windows up to it, as a run on that day would have: what a chart of the warning
 * draws, so no page recomputes an expected value or a bound.
 */
function weeklySeries(signal: CellSignal, weeks: readonly string[], cells: ReadonlyMap<string, CellSeries>, settings: DetectionSettings): WarningWeek[] {
  const series = cells.get(seriesKey(signal.hospital, signal.cell));
  if (series === undefined) return [];
  const t = weeks.indexOf(signal.week) - series.start;
  if (t < 0) return [];
  const out: WarningWeek[] = [];
  for (let s = Math.max(0, t - WEEKLY_SERIES_WEEKS + 1); s <= t; s++) {
    const assessment = assessWeek(series.counts, s, assessmentOptions(series, s, settings));
    out.push({ week_start: weeks[series.start + s]!, observed: series.counts[s]!, expected: assessment?.expected ?? null, upperbound: assessment?.upperbound ?? null });
  }
  return out;
}

/**
 * The p-value of a cell's last two weeks together: their counts against the sum of their
 * expectations. A rise of a few complaints a week in a small cell (three times its usual one or
 * two) is clear in no single week among the hundreds tested, but is over two. The predictive
 * distribution of a two-week total is baselinePValue's with twice the mean on half the baseline
 * weeks (variance φ·2μ·(1 + 2/n)). Only a rise that goes on counts: both weeks above their
 * expectation, else 1.
 *
 * @example twoWeekPValue([0, 1, 0, 0, 3, 4], 5, current, previous) // both weeks up: the pair's upper tail
 */
export function twoWeekPValue(y: readonly number[], t: number, current: WeekAssessment, previous: WeekAssessment): number {
  if (!(y[t]! > current.expected && y[t - 1]! > previous.expected)) return 1;
  return baselinePValue(y[t]! + y[t - 1]!, current.expected + previous.expected, current.dispersion, current.baselineWeeks / 2);
}

/**
 * Whether week t of `y` holds a cell's first complaints, `cases` or more of them: none in its
 * series before (from the day its department first appears). A new place's first week of a problem
 * (a new entrance, an app, a lounge: two to four complaints against none ever) is below the guard,
 * which would hold it back a week; the guard is there against a quiet cell's usual ups and downs,
 * and a cell that never had a complaint has none.
 *
 * @example firstComplaints([0, 0, 0, 3], 3, 3) // true; firstComplaints([0, 1, 0, 3], 3, 3) // false
 */
export function firstComplaints(y: readonly number[], t: number, cases: number): boolean {
  if (cases <= 0 || y[t]! < cases) return false;
  for (let s = 0; s < t; s++) if (y[s]! > 0) return false;
  return true;
}

/** Whether week t of a cell is a place's first complaints, judged below the guard (firstComplaints). */
function isNewPlace(series: CellSeries, t: number, settings: DetectionSettings): boolean {
  return series.kind === 'hotspot' && !passesGuard(series.counts, t, settings.assessment.guard) && firstComplaints(series.counts, t, settings.newPlaceCases);
}

/**
 * How week t of a cell is judged: with the run's settings, the guard lowered to newPlaceCases for a
 * place's first complaints; the test and a warning's chart both, so the chart draws the bound the
 * week was judged on.
 */
export function assessmentOptions(series: CellSeries, t: number, settings: DetectionSettings): AssessmentOptions {
  if (!isNewPlace(series, t, settings)) return settings.assessment;
  return { ...settings.assessment, guard: { ...settings.assessment.guard, cases: settings.newPlaceCases } };
}

/** One cell-window's test: the week alone, and for a department's or the hospital's category also the two weeks to it. */
interface CellTest {
  series: CellSeries;
  t: number;
  assessment: WeekAssessment;
  /** The two weeks' p-value (twoWeekPValue), or null where the cell is not judged over two weeks. */
  twoWeekP: number | null;
  /** The test's p-value: the week's, or with two windows judged the smaller of the two, doubled (Bonferroni), so the FDR stays honest. */
  pValue: number;
  /** Tested below the guard as the cell's first complaints (firstComplaints). */
  firstComplaints: boolean;
  /** The week before's assessment, where the two weeks are judged. */
  previous: WeekAssessment | null;
}

/**
 * The most complaints two weeks expecting `expected` together may hold without their rise
 * signalling at all: above it, their p-value (twoWeekPValue's distribution), doubled as
 * weeklySignals doubles it, is within `fdr`. What a warning raised over two weeks states as its
 * alarm bound, as one raised on its week states its detector's.
 *
 * @example twoWeekBound(2, 1, 10, 0.05) // 6: 7 complaints have p 0.0101, doubled 0.020; 6 have 0.0274, doubled 0.055
 */
export function twoWeekBound(expected: number, dispersion: number, baselineWeeks: number, fdr: number): number {
  let bound = 0;
  while (2 * baselinePValue(bound + 1, expected, dispersion, baselineWeeks / 2) > fdr) bound++;
  return bound;
}

/**
 * The cell-windows of `evaluate` (the first days of 7-day windows) that signal: an alarm of their
 * detector, or a rise over two weeks (settings.riseWeeks), that survives the FDR. Only cells the
 * guard lets through are tests, so the FDR is over the cells that could alarm at all. The FDR
 * family is one hospital's tests of the window: each hospital's office acts on its own list, and
 * its warnings do not change when another hospital (a campus, a group member) joins the warehouse
 * with cells of its own. A two-week window is judged for spike cells only (a department's
 * category, the hospital's): a problem told in ordinary words has no place or word of its own to
 * show it, and its rise is all there is to see. And only where the cell expects `riseFrom`
 * complaints a week or more: below that, three complaints a week are news rather than a rise, and
 * two such weeks against almost none pass any test (the words and places of those complaints are
 * the views that judge what is new). A place's first complaints, `newPlaceCases` or more in a week,
 * are tested below the guard (firstComplaints), so a new place's problem is heard in its first week.
 */
export function weeklySignals(weeks: readonly string[], cells: readonly CellSeries[], evaluate: readonly string[], settings: DetectionSettings): Omit<CellSignal, 'records' | 'days'>[] {
  // a backtest judges consecutive windows, and a two-week test the week before too: each week once
  const judged = new Map<CellSeries, Map<number, WeekAssessment | null>>();
  const judge = (series: CellSeries, t: number): WeekAssessment | null => {
    let memo = judged.get(series);
    if (memo === undefined) judged.set(series, (memo = new Map()));
    if (!memo.has(t)) memo.set(t, t < 0 ? null : assessWeek(series.counts, t, settings.assessment));
    return memo.get(t)!;
  };
  const signals: Omit<CellSignal, 'records' | 'days'>[] = [];
  for (const week of evaluate) {
    const w = weeks.indexOf(week);
    if (w < 0) continue;
    const tests = cells.flatMap((series): CellTest[] => {
      const t = w - series.start;
      if (t < 0) return [];
      // most cells are quiet in most weeks: no test, and no baseline to fit
      const newPlace = isNewPlace(series, t, settings);
      if (!newPlace && !passesGuard(series.counts, t, settings.assessment.guard)) return [];
      const assessment = newPlace ? assessWeek(series.counts, t, assessmentOptions(series, t, settings)) : judge(series, t);
      if (assessment === null || !assessment.tested) return [];
      if (series.kind === 'emerging_term' && assessment.expected >= settings.emergingBelow) return [];
      const previous = settings.riseWeeks >= 2 && series.kind === 'spike' && assessment.expected >= settings.riseFrom ? judge(series, t - 1) : null;
      const twoWeekP = previous === null ? null : twoWeekPValue(series.counts, t, assessment, previous);
      const pValue = twoWeekP === null ? assessment.pValue : Math.min(1, 2 * Math.min(assessment.pValue, twoWeekP));
      return [{ series, t, assessment, twoWeekP, pValue, firstComplaints: newPlace, previous }];
    });
    for (const hospital of new Set(tests.map((test) => test.series.hospital))) {
      const family = tests.filter((test) => test.series.hospital === hospital);
      const q = benjaminiHochberg(family.map((test) => test.pValue));
      family.forEach(({ series, t, assessment, twoWeekP, pValue, firstComplaints, previous }, i) => {
        const overTwoWeeks = twoWeekP !== null && previous !== null && twoWeekP < assessment.pValue;
        if ((assessment.alarm !== 1 && !overTwoWeeks) || q[i]! > settings.fdr) return;
        signals.push({
          kind: series.kind,
          hospital: series.hospital,
          cell: series.cell,
          week,
          firstDay: overTwoWeeks ? addDays(week, -7) : week,
          observed: series.counts[t]!,
          expected: assessment.expected,
          upperbound: assessment.upperbound,
          pValue,
          qValue: q[i]!,
          previousPValue: judge(series, t - 1)?.pValue ?? 1,
          firstComplaints,
          ...(overTwoWeeks ? { twoWeeks: twoWeeksOf(series.counts, t, assessment, previous, settings.fdr) } : {}),
          method: assessment.method,
          baselineStart: weeks[series.start + assessment.baselineFrom]!,
          baselineEnd: addDays(weeks[series.start + assessment.baselineTo]!, 6),
        });
      });
    }
  }
  return signals;
}

/** A rise's figures over its two weeks (CellSignal.twoWeeks): their complaints, their expectations summed, and twoWeekBound. */
function twoWeeksOf(y: readonly number[], t: number, current: WeekAssessment, previous: WeekAssessment, fdr: number): NonNullable<CellSignal['twoWeeks']> {
  const expected = current.expected + previous.expected;
  return { observed: y[t]! + y[t - 1]!, expected, upperbound: twoWeekBound(expected, current.dispersion, current.baselineWeeks, fdr) };
}

/** The complaints each signal counted, each as its recordKey, and the days they were received. */
async function attachRecords(connection: DuckDBConnection, models: StepModels, signals: readonly Omit<CellSignal, 'records' | 'days'>[]): Promise<CellSignal[]> {
  await models.run('warnings/alert_signals');
  await appendRows(connection, 'alert_signals', signals.map((signal, i) => ({ signal: i, hospital: signal.hospital, cell: signal.cell, week: signal.week, first_day: signal.firstDay })));
  const rows = await queryRows<{ signal: number; hospital: string; source: string; id: string; day: string }>(connection, models.sql('warnings/alert_signal_records'));
  const records = signals.map((): string[] => []);
  const days = signals.map(() => new Set<string>());
  for (const row of rows) {
    records[row.signal]!.push(recordKey(row.hospital, row.source, row.id));
    days[row.signal]!.add(row.day);
  }
  return signals.map((signal, i) => ({ ...signal, records: records[i]!, days: [...days[i]!].sort() }));
}

/**
 * Brings int_alert_cell_days up to the warehouse's complaints, counting again only the days whose
 * complaints changed and the word cells whose word entered or left the issue terms (a daily run:
 * the new day's), and lists in int_alert_cell_records every complaint's cells from `recordsFrom`
 * on (null: none), the windows judged, for the signals' complaints.
 */
async function countCellDays(connection: DuckDBConnection, models: StepModels, recordsFrom: string | null): Promise<void> {
  const fingerprint = createHash('sha256');
  for (const model of CELL_COUNT_MODELS) fingerprint.update(models.sql(model));
  await setVariables(connection, { alert_models: fingerprint.digest('hex'), alert_records_from: recordsFrom, alert_records_cells: null });
  for (const model of CELL_COUNT_MODELS) await models.run(model);
}

/** The days before a warning's window whose complaints of its named cell are its terms' baseline (alert_group_baseline_terms: 52 weeks). */
const BASELINE_DAYS = 364;

/**
 * Lists in int_alert_cell_records the complaints' cells from `from` on (countCellDays lists the
 * windows judged): a warning's baseline reads its cell's year before. A run lists only its
 * warnings' named `cells`; a backtest (`cells` null) lists every cell, once for all its Mondays,
 * oldest first.
 */
async function listCellRecords(connection: DuckDBConnection, models: StepModels, from: string, cells: readonly string[] | null): Promise<void> {
  const [listed] = await queryRows<{ from: string | null; some: boolean }>(
    connection,
    "select strftime(getvariable('alert_records_from')::date, '%Y-%m-%d') as from, getvariable('alert_records_cells') is not null as some",
  );
  const listedFrom = listed?.from ?? null;
  if (cells === null && listed?.some === false && listedFrom !== null && listedFrom <= from) return;
  await setVariables(connection, { alert_records_from: from, alert_records_cells: cells === null ? null : listValue([...new Set(cells)]) });
  await models.run('intermediate/int_alert_cell_records');
}

/**
 * The signals of the 7-day windows starting on the days `evaluate`, each with the complaints it
 * counted: every cell tested on its own past (assessWeek) and kept when its detector alarms and its
 * BH q-value across the window's tests is within `settings.fdr`. A window is judged only on the
 * windows up to it, so a backtest can ask for many at once.
 */
export async function detectSignals(connection: DuckDBConnection, models: StepModels, evaluate: readonly string[], settings: DetectionSettings = detectionDefaults): Promise<CellSignal[]> {
  const sorted = [...evaluate].sort();
  const [first, last] = [sorted[0], sorted.at(-1)];
  // a signal's complaints are those of its window, or of the week before for a rise over two weeks
  await countCellDays(connection, models, first === undefined ? null : addDays(first, -7));
  if (last === undefined) return [];
  const { weeks, cells } = await readCellSeries(connection, last);
  return attachRecords(connection, models, weeklySignals(weeks, cells, evaluate, settings));
}

/**
 * The detector warnings a run on `asOf` raises: the signal groups of the seven days to `asOf` (a
 * run on a Monday: the week that ended on Sunday), and those of the seven days before that no
 * signal of this window continues (a problem stays raised through one quiet week, rather than being
 * resolved and raised again). A group is named after a cell whose warning is open (`openIds`, from
 * the warning log), so an ongoing problem keeps its id. Signals merge only within their hospital:
 * one hospital's problem is never seen through another's cells. A new group opens a warning when it
 * is corroborated and enough to open on (its counts), and still so once its complaints are read
 * (standsOnItsComplaints: whose they are, which words rose in them). A backtest gives `evidence`,
 * its signals' records read once (signalEvidence); a run reads its groups' own.
 */
export async function detectorCandidates(
  connection: DuckDBConnection,
  models: StepModels,
  signals: readonly CellSignal[],
  asOf: string,
  openIds: ReadonlySet<string>,
  settings: DetectionSettings = detectionDefaults,
  continuing: ReadonlyMap<string, string> = new Map(),
  evidence: SignalEvidence | null = null,
): Promise<WarningCandidate[]> {
  const week = addDays(asOf, -6);
  const ownIds = (signal: CellSignal) => {
    const key = detectorWarningKey(signal);
    return [warningId(key), warningId(legacyWarningKey(key))];
  };
  const ownKeyOpen = (signal: CellSignal) => ownIds(signal).some((id) => openIds.has(id));
  const continues = (signal: CellSignal) => continuing.get(continuationKey(signal.hospital, cellParts(signal.cell)));
  const isOpen = (signal: CellSignal) => ownKeyOpen(signal) || continues(signal) !== undefined;
  const groupsOf = (windowStart: string) => {
    const those = signals.filter((signal) => signal.week === windowStart);
    return [...new Set(those.map((signal) => signal.hospital))].flatMap((hospital) => {
      const ofHospital = those.filter((signal) => signal.hospital === hospital);
      return groupSignals(ofHospital, new Set(ofHospital.filter(isOpen).map((signal) => signal.cell)));
    });
  };
  const seriesOf = (signal: CellSignal) => seriesKey(signal.hospital, signal.cell);
  const opens = (group: SignalGroup) => corroborated(group, settings) && enoughToOpen(group, settings);
  // a warning already open may go on while its cells signal; a new one needs corroboration and enough evidence
  const mayRaise = (group: SignalGroup) => group.members.some(isOpen) || opens(group);
  const current = groupsOf(week).filter(mayRaise);
  const continued = new Set(current.flatMap((group) => group.members.map(seriesOf)));
  const carried = groupsOf(addDays(week, -7)).filter((group) => mayRaise(group) && !group.members.some((member) => continued.has(seriesOf(member))));
  const raised = goingOn([...current, ...carried], (group) => (ownKeyOpen(group.primary) ? ownIds(group.primary) : []), (group) => group.members.map(continues)).filter(
    ({ group, ongoing }) => ongoing || opens(group),
  );
  const groups = raised.map(({ group }) => group);
  const described = await describeSignalGroups(connection, models, groups, raised.map(({ continuesId }) => continuesId), settings, evidence);
  // a new warning is judged again once its complaints are read: whose they are, which words rose in them
  return described.filter(({ candidate, rising }, g) => raised[g]!.ongoing || standsOnItsComplaints(groups[g]!, candidate, rising, settings)).map(({ candidate }) => candidate);
}

/**
 * Which groups go on an open warning, in order (strongest evidence first): a group named after a
 * cell whose own warning is open (`ownOpen`: that warning's ids, else none) goes on with it;
 * another continues the open warning one of its cells signalled in (`continues`: each member's
 * warning id, if any) and takes its id, each open warning continued by one group only. A group with an open warning's cell whose
 * warning another group goes on with is a neighbour of that problem, not the problem: it is new
 * (`ongoing` false), and opens only on a new warning's evidence (the hospital's whole category,
 * counted in an app outage's warning, went on signalling after the outage's own department
 * had taken the warning, and was raised at q 0.033 as if ongoing).
 *
 * @example goingOn([dept, category], (g) => (g === dept ? ['W1'] : []), () => ['W1']) // [{ ongoing: true, … }, { continuesId: undefined, ongoing: false }]
 */
export function goingOn<G>(groups: readonly G[], ownOpen: (group: G) => readonly string[], continues: (group: G) => readonly (string | undefined)[]): { group: G; continuesId: string | undefined; ongoing: boolean }[] {
  const taken = new Set(groups.flatMap(ownOpen));
  return groups.map((group) => {
    if (ownOpen(group).length > 0) return { group, continuesId: undefined, ongoing: true };
    const continuesId = continues(group).find((id) => id !== undefined && !taken.has(id));
    if (continuesId !== undefined) taken.add(continuesId);
    return { group, continuesId, ongoing: continuesId !== undefined };
  });
}

/** A cell of a hospital as `openDetectorCells` names it: its parts as written, whatever JSON spacing it was read with. */
function continuationKey(hospital: string, parts: readonly string[]): string {
  return JSON.stringify([hospital, ...parts]);
}

/**
 * The cells of the open detector warnings' signals, each with its warning's id: a cell that
 * signalled as part of an open warning continues it when it signals again, also in a week the
 * warning's named cell is quiet, so a problem seen first through its department and then through
 * its place stays one warning, under one id.
 */
export function openDetectorCells(history: WarningHistory): Map<string, string> {
  const cells = new Map<string, string>();
  for (const id of [...openWarningIds(history)].sort()) {
    const warning = history.published.get(id);
    if (warning === undefined || warning.hospital === null || !(DETECTOR_KINDS as readonly string[]).includes(warning.kind)) continue;
    for (const signal of warning.signals ?? []) {
      const key = continuationKey(warning.hospital, signal.cell);
      if (!cells.has(key)) cells.set(key, id);
    }
  }
  return cells;
}

/** What a detector warning named after `signal` is about: its hospital, kind and cell's parts, as JSON. */
function detectorWarningKey(signal: CellSignal): string {
  return JSON.stringify([signal.hospital, signal.kind, ...cellParts(signal.cell)]);
}

/** The view a cell gives of a problem: where (department, place), what (a word), or the hospital's category. */
function viewOf(signal: CellSignal): string {
  return cellParts(signal.cell)[0]!;
}

/**
 * Whether a group is worth a warning: one cell going up once is often chance (hundreds are tested
 * each week, and complaints come in clusters that no count model quite expects), so a group needs a
 * second view of the same complaints (its place as well as its department, its words as well as its
 * place), or its cell already up the week before (clearly, or above its expectation in a rise seen
 * over the two weeks): a problem builds up, a chance cluster does not. The hospital's category is no
 * second view: it counts every complaint of its kind, so whatever cluster signals anywhere moves it
 * too (six complaints of one phrase made 14 facility complaints against 5.3 expected). A place's
 * first complaints (firstComplaints) have no week before: received on `openDays` days or more, they
 * are separate people's complaints about a place nobody complained about, which is corroboration enough.
 */
export function corroborated(group: SignalGroup, settings: DetectionSettings): boolean {
  return (
    new Set(group.members.map(viewOf).filter((view) => view !== 'category')).size >= 2 ||
    group.members.some((member) => member.previousPValue <= settings.previousWeekP || member.firstDay < member.week || (member.firstComplaints && member.days.length >= settings.openDays))
  );
}

/**
 * Whether a group is evidence enough for a new warning: one of its signals within `openFdr`, and
 * complaints on `openDays` days or more. With hundreds of cells tested a week, three or four
 * complaints against a fraction of one expected pass the week's FDR now and then, and their second
 * view (the words of the same complaints, the place they name) is no independent corroboration;
 * a problem that goes on soon gives stronger evidence, and a burst of one day is one incident.
 */
export function enoughToOpen(group: SignalGroup, settings: DetectionSettings): boolean {
  const days = new Set(group.members.flatMap((member) => member.days));
  return group.members.some((member) => member.qValue <= settings.openFdr) && days.size >= settings.openDays;
}

/**
 * Whether a new group still makes a warning once its complaints are read (describeSignalGroups).
 * Seen through words alone (no department's or place's cell among its signals), at least half of
 * its complaints must be of one department or at one place (the candidate's department or
 * location): a phrase that rises across unrelated wards in one week is one that many people happen
 * to write (broken taps by four wards' toilets, signage to seven places), a theme for the month's
 * high-frequency issues rather than a problem someone can be asked to fix. Seen through a
 * department or a place, a word is a second view, and evidence to open on, only when it rose in
 * the group's complaints against that cell's year before (`rising`: the warning's rising terms;
 * null where the cell has no past to compare with): a word that the department's complaints always
 * hold (its own name, its staff: 保安 in the security office's) is the department seen again.
 */
export function standsOnItsComplaints(
  group: SignalGroup,
  candidate: Pick<WarningCandidate, 'department' | 'location'>,
  rising: ReadonlySet<string> | null,
  settings: DetectionSettings,
): boolean {
  const placed = group.members.some((member) => viewOf(member) === 'department' || viewOf(member) === 'location');
  if (!placed) return candidate.department !== null || candidate.location !== null;
  if (rising === null) return true;
  const seen = { ...group, members: group.members.filter((member) => viewOf(member) !== 'term' || rising.has(cellParts(member.cell)[2]!)) };
  return corroborated(seen, settings) && enoughToOpen(seen, settings);
}

interface EvidenceRow {
  group_id: number;
  hospital: string;
  source: string;
  id: string;
  /** The source as the feedback export publishes it (redacted). */
  evidence_source: string;
  department: string | null;
  category: string | null;
  location: string | null;
  lang: Language;
  text_redacted: string;
  terms: string[];
}

/**
 * The evidence rows (alert_group_evidence) of each list of records (recordKey), in the order the
 * model gives them: oldest first.
 */
async function readGroupEvidence(connection: DuckDBConnection, models: StepModels, groups: readonly (readonly string[])[]): Promise<EvidenceRow[][]> {
  await models.run('warnings/alert_group_records');
  await appendRows(
    connection,
    'alert_group_records',
    groups.flatMap((records, g) =>
      records.map((key) => {
        const [hospital, source, id] = recordOf(key);
        return { group_id: g, hospital, source, id };
      }),
    ),
  );
  const rows = await queryRows<EvidenceRow>(connection, models.sql('warnings/alert_group_evidence'));
  return groups.map((_, g) => rows.filter((row) => row.group_id === g));
}

/** The evidence rows of every record some signal counted, in the model's order, each with its recordKey. */
export type SignalEvidence = readonly { key: string; row: EvidenceRow }[];

/**
 * The evidence rows of every record the signals counted, read at once: a backtest's groups, on
 * whichever Monday, take theirs from it (evidenceOf) instead of reading the feedback each Monday.
 */
export async function signalEvidence(connection: DuckDBConnection, models: StepModels, signals: readonly CellSignal[]): Promise<SignalEvidence> {
  const [rows = []] = await readGroupEvidence(connection, models, [[...new Set(signals.flatMap((signal) => signal.records))]]);
  return rows.map((row) => ({ key: recordKey(row.hospital, row.source, row.id), row }));
}

/** A group's evidence rows from signalEvidence: as readGroupEvidence reads them, one group's rows keep the model's order. */
function evidenceOf(evidence: SignalEvidence, records: readonly string[]): EvidenceRow[] {
  const wanted = new Set(records);
  return evidence.filter(({ key }) => wanted.has(key)).map(({ row }) => row);
}

/** The value most of `values` share (at least half of them), else null: who owns a problem seen across cells. */
function majority(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [top] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top !== undefined && top[1] * 2 >= values.length ? top[0] : null;
}

/** A group's warning candidate, and the terms (keys) that rose in its complaints; null where its named cell has no complaints before. */
interface DescribedGroup {
  candidate: WarningCandidate;
  rising: ReadonlySet<string> | null;
}

/**
 * The warning candidates of signal groups: per group its department, category and place (the
 * named cell's, else what at least half its complaints share), the terms that rose (keyness of its
 * complaints against the named cell's complaints of the 52 weeks before; the most frequent terms
 * when that baseline is empty), up to five redacted quotes, its evidence, and its signals.
 */
async function describeSignalGroups(
  connection: DuckDBConnection,
  models: StepModels,
  groups: readonly SignalGroup[],
  continuesIds: readonly (string | undefined)[],
  settings: DetectionSettings = detectionDefaults,
  prepared: SignalEvidence | null = null,
): Promise<DescribedGroup[]> {
  if (groups.length === 0) return [];
  const evidence = prepared === null ? await readGroupEvidence(connection, models, groups.map((group) => group.records)) : groups.map((group) => evidenceOf(prepared, group.records));
  await models.run('warnings/alert_group_baselines');
  await appendRows(
    connection,
    'alert_group_baselines',
    groups.map((group, g) => ({ group_id: g, hospital: group.primary.hospital, cell: group.primary.cell, week: group.primary.week })),
  );
  const groupWeeks = groups.map((group) => group.primary.week).sort();
  const { weeks, cells } = await readCellSeries(connection, groupWeeks.at(-1)!, true);
  const cellSeries = new Map(cells.map((series) => [seriesKey(series.hospital, series.cell), series]));
  await listCellRecords(connection, models, addDays(groupWeeks[0]!, -BASELINE_DAYS), prepared === null ? groups.map((group) => group.primary.cell) : null);
  const baselineTerms = await queryRows<{ group_id: number; term: string; records: number; baseline_records: number }>(connection, models.sql('warnings/alert_group_baseline_terms'));
  const surfaces = await termSurfaces(connection);
  return groups.map((group, g) => {
    const records = evidence[g]!;
    const baseline = baselineTerms.filter((row) => row.group_id === g);
    const lang = (majority(records.map((row) => row.lang)) ?? records[0]?.lang ?? 'en') as Language;
    const rising = risingTermsOf(records, baseline);
    const keys = keywordsOf(records, rising, settings.keywords);
    const { primary } = group;
    const qValue = Math.min(...group.members.map((member) => member.qValue));
    const parts = cellParts(primary.cell);
    const department = parts[0] === 'department' ? parts[1]! : majority(records.map((row) => row.department));
    const category = parts[0] === 'department' ? parts[2]! : parts[0] === 'category' ? parts[1]! : majority(records.map((row) => row.category));
    const location = parts[0] === 'location' ? parts[1]! : majority(records.map((row) => row.location));
    const keywordTerms = parts[0] === 'term' ? [parts[2]!, ...keys.filter((term) => term !== parts[2])].slice(0, settings.keywords) : keys;
    const candidate: WarningCandidate = {
      kind: primary.kind,
      warning_key: detectorWarningKey(primary),
      ...(continuesIds[g] === undefined ? {} : { continues_id: continuesIds[g] }),
      hospital: primary.hospital,
      department,
      category: category === 'other' && parts[0] !== 'department' ? null : category,
      location,
      keywords: keywordTerms.map((term) => surfaces.get(termKey(lang, term)) ?? term),
      period_start: primary.week,
      period_end: addDays(primary.week, 6),
      observed: primary.observed,
      expected: primary.expected,
      method: primary.method,
      severity: signalSeverity(qValue),
      evidence_ids: records.map((row) => row.id),
      evidence: records.map((row) => ({ source: row.evidence_source, id: row.id })),
      upperbound: primary.upperbound,
      ...(primary.twoWeeks === undefined ? {} : { two_weeks: { period_start: primary.firstDay, ...primary.twoWeeks } }),
      baseline_start: primary.baselineStart,
      baseline_end: primary.baselineEnd,
      q_value: qValue,
      quotes: pickQuotes(records, new Set(keywordTerms), 5, 3),
      rising_terms: rising.slice(0, settings.keywords).map((r) => ({ ...r, term: surfaces.get(termKey(lang, r.term)) ?? r.term })),
      weekly: weeklySeries(primary, weeks, cellSeries, settings),
      signals: group.members.map((member) => ({
        kind: member.kind,
        cell: cellParts(member.cell),
        observed: member.observed,
        expected: member.expected,
        upperbound: member.upperbound,
        p_value: member.pValue,
        q_value: member.qValue,
        method: member.method,
      })),
      reason: '',
      month: null,
    };
    const hasBaseline = (baseline[0]?.baseline_records ?? 0) > 0;
    return { candidate, rising: hasBaseline ? new Set(rising.map((r) => r.term)) : null };
  });
}

/** A term that rose in a warning's complaints against its cell's baseline. */
interface RisingTerm {
  term: string;
  g2: number;
  log_ratio: number;
}

/**
 * The terms behind a group: those that rose in its complaints against the baseline (G² ≥ 3.84,
 * p < 0.05 for one term, and at least doubled), strongest first.
 *
 * @example risingTermsOf([{ terms: ['保安'] }, …], [{ term: '保安', records: 24, baseline_records: 30 }]) // [] when all 6 hold it: 1.0 against 0.8 is no doubling
 */
export function risingTermsOf(records: readonly Pick<EvidenceRow, 'terms'>[], baseline: readonly { term: string; records: number; baseline_records: number }[]): RisingTerm[] {
  const targetCounts = documentCounts(records);
  const baselineCounts = new Map(baseline.map((row) => [row.term, row.records]));
  const baselineDocs = baseline[0]?.baseline_records ?? 0;
  if (baselineDocs === 0 || records.length === 0) return [];
  return [...targetCounts]
    .filter(([, n]) => n >= 2)
    .map(([term, n]) => ({ term, ...keyness(n, records.length, Math.min(baselineCounts.get(term) ?? 0, baselineDocs), baselineDocs) }))
    .filter((k) => k.direction === 'rise' && k.g2 >= 3.84 && k.logRatio >= 1)
    .sort((a, b) => b.g2 - a.g2 || (a.term < b.term ? -1 : 1))
    .map((k) => ({ term: k.term, g2: k.g2, log_ratio: k.logRatio }));
}

/** In how many of the records each term occurs. */
function documentCounts(records: readonly Pick<EvidenceRow, 'terms'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of records) for (const term of new Set(row.terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The rising terms, then, to fill the list, the terms most of the complaints share, so a problem with no baseline still has words. */
function keywordsOf(records: readonly EvidenceRow[], rising: readonly RisingTerm[], limit: number): string[] {
  const frequent = [...documentCounts(records)].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([term]) => term);
  return [...new Set([...rising.map((r) => r.term), ...frequent])].slice(0, limit);
}
