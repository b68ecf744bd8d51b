import type { EvidenceRecord, Warning } from './warnings.ts';

/**
 * How well the warnings of a backtest find known problems, per kind of warning and per hospital:
 * the "Done when" of issue 13. The known problems are a ground truth such as the generated sample's
 * `planted.json` (planted-truth.ts reads it): planted rises, their survey drops, planted serious
 * events, and the normal rises and harmless look-alikes (decoys) a good run stays quiet at. Pure:
 * the caller reads the files.
 */

/** The kinds scored: a spike is scored as a rise. */
export const EVALUATED_KINDS = ['rise', 'hotspot', 'emerging_term', 'satisfaction_drop', 'sentinel'] as const;

export type EvaluatedKind = (typeof EVALUATED_KINDS)[number];

/** A warning as a backtest writes it: with the as-of date of the run that published it. */
export type ScoredWarning = Pick<Warning, 'id' | 'kind' | 'hospital' | 'department' | 'keywords' | 'period_start' | 'period_end' | 'evidence' | 'signals' | 'satisfaction'> & {
  as_of: string;
};

/**
 * A planted problem: its hospital (as the warehouse names it), its records (ids within `sources`;
 * any source when none are listed), and the survey section it pulled down where it did.
 */
export interface PlantedProblem {
  id: string;
  hospital: string;
  sources?: readonly string[];
  onset: string;
  record_ids: readonly string[];
  survey?: { department: string; section: string; start: string; end: string };
}

/** A planted serious event: one record that a sentinel should raise. */
export interface PlantedSentinel {
  id: string;
  hospital: string;
  record_id: string;
  source?: string;
  day: string;
}

/** A rise that is normal (season, rebound, large steady department, one-day blip), or records with a harmless sense of a serious word. */
export interface Decoy {
  id: string;
  hospital: string;
  sources: readonly string[];
  departments: readonly string[];
  keywords: readonly string[];
  start: string;
  end: string;
  /** Records that must raise no sentinel (harmless senses of its words); empty for a rise. */
  record_ids?: readonly string[];
}

export interface GroundTruth {
  planted: readonly PlantedProblem[];
  sentinels?: readonly PlantedSentinel[];
  decoys: readonly Decoy[];
}

export const kindEvaluationDefaults = Object.freeze({
  /** A count problem is found in time when warned within this many days of its onset. */
  recallDays: 21,
  /** A serious event is found in time when warned within this many days of its record's day. */
  sentinelDays: 7,
});

/** One kind in one hospital (`hospital` null: all hospitals together). */
export interface KindScore {
  kind: EvaluatedKind;
  hospital: string | null;
  /** Known problems of this kind to find (for count kinds every planted rise; for surveys those with a survey drop). */
  planted: number;
  /** Found in time by a warning that counts for the kind. */
  found: number;
  /** found / planted; null without planted problems. */
  recall: number | null;
  /** Distinct warnings of the kind. */
  warnings: number;
  /** Of those, pointing at a planted problem or planted event. */
  pointing: number;
  /** pointing / warnings; null without warnings (or, for sentinels, without planted events to point at). */
  precision: number | null;
  /** Distinct warnings of the kind at a decoy (and at no planted problem). */
  decoyHits: number;
  /** Count kinds: distinct warnings pointing at nothing planted per 100 cell-weeks judged; null where the cell-weeks are not known. */
  falseAlarmsPer100: number | null;
  /** Median days from onset (or the record's day) to the first warning in time; null if none found. */
  medianDelayDays: number | null;
}

/** Cell-weeks judged per hospital: the denominator of the false-alarm rate of the count kinds. */
export type CellWeeks = ReadonlyMap<string, number>;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
const addDaysIso = (day: string, n: number) => new Date(Date.parse(day) + n * DAY_MS).toISOString().slice(0, 10);
const monthEnd = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The kind a warning is scored as: a spike is a rise. */
function scoredKind(kind: Warning['kind']): EvaluatedKind | null {
  if (kind === 'spike') return 'rise';
  return (EVALUATED_KINDS as readonly string[]).includes(kind) ? (kind as EvaluatedKind) : null;
}

/** The kinds a warning counts for in recall: its own, and those of the signals merged into it. */
function kindsOf(warning: ScoredWarning): Set<EvaluatedKind> {
  const kinds = [warning.kind, ...(warning.signals ?? []).map((signal) => signal.kind)].map(scoredKind);
  return new Set(kinds.filter((kind): kind is EvaluatedKind => kind !== null));
}

/** Whether a record of a warning of `hospital` is one of `ids` of that hospital, from one of `sources` (any, when none). */
function recordMatcher(hospital: string, ids: readonly string[], sources: readonly string[] = []): (warning: ScoredWarning, record: EvidenceRecord) => boolean {
  const idSet = new Set(ids);
  return (warning, record) => warning.hospital === hospital && idSet.has(record.id) && (sources.length === 0 || sources.includes(record.source));
}

/**
 * Whether a warning is about a planted problem: a quarter of its evidence, and at least two
 * records, are the problem's (a passer-by is not); a survey warning when it names the problem's
 * surveyed department and section, and its period meets the drop's.
 */
function pointsAt(warning: ScoredWarning, problem: PlantedProblem, isPlanted: (warning: ScoredWarning, record: EvidenceRecord) => boolean): boolean {
  if (warning.kind === 'satisfaction_drop') {
    const survey = problem.survey;
    return (
      survey !== undefined &&
      warning.hospital === problem.hospital &&
      warning.department === survey.department &&
      (warning.satisfaction === undefined || warning.satisfaction.section === survey.section) &&
      warning.period_start <= survey.end &&
      warning.period_end >= survey.start
    );
  }
  const shared = warning.evidence.filter((record) => isPlanted(warning, record)).length;
  return shared >= 2 && shared * 4 >= warning.evidence.length;
}

/**
 * Whether a warning is at a decoy: a sentinel that holds one of its harmless records; another
 * warning of its hospital from one of its sources, overlapping its dates, naming one of its
 * departments (or hospital-wide at a rise of the whole hospital) or carrying one of its keywords.
 */
function atDecoy(warning: ScoredWarning, decoy: Decoy): boolean {
  if (warning.hospital !== decoy.hospital) return false;
  const harmless = new Set(decoy.record_ids ?? []);
  if (warning.kind === 'sentinel') return warning.evidence.some((record) => harmless.has(record.id) && (decoy.sources.length === 0 || decoy.sources.includes(record.source)));
  if (harmless.size > 0) return false;
  const sources = new Set(warning.evidence.map((record) => record.source));
  return (
    decoy.sources.some((source) => sources.has(source)) &&
    warning.period_start <= decoy.end &&
    warning.period_end >= decoy.start &&
    ((warning.department !== null && decoy.departments.includes(warning.department)) ||
      (warning.department === null && decoy.departments.length === 0) ||
      warning.keywords.some((keyword) => decoy.keywords.includes(keyword)))
  );
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Scores a backtest's warnings per kind (rise, hotspot, emerging term, satisfaction drop,
 * sentinel) and per hospital, and for all hospitals together: recall in time (a count problem
 * within `recallDays` of its onset, a survey drop within `recallDays` of the end of its first
 * month, a serious event within `sentinelDays` of its record), precision (distinct warnings of the
 * kind pointing at a planted problem; a sentinel at a planted event, or at a planted problem as a
 * count warning does), hits on decoys, false alarms per 100 cell-weeks (count
 * kinds, where `cellWeeks` gives the hospital's) and the median delay. A warning counts toward the
 * recall of its own kind and of every signal merged into it (one problem, one warning); toward
 * precision of its own kind only. A warning is distinct by its id, as first raised. A record is
 * its hospital, source and id: two campuses' registers may share ids.
 *
 * @example evaluateKinds(backtest.warnings, truth).find((s) => s.kind === 'rise' && s.hospital === null)
 * // { kind: 'rise', hospital: null, planted: 9, found: 9, recall: 1, warnings: 13, pointing: 11, … }
 */
export function evaluateKinds(warnings: readonly ScoredWarning[], truth: GroundTruth, cellWeeks: CellWeeks = new Map(), options = kindEvaluationDefaults): KindScore[] {
  const first = new Map<string, ScoredWarning>();
  for (const warning of [...warnings].sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0))) if (!first.has(warning.id)) first.set(warning.id, warning);
  const distinct = [...first.values()];
  const plantedRecords = new Map(truth.planted.map((problem) => [problem, recordMatcher(problem.hospital, problem.record_ids, problem.sources)]));
  const eventRecords = new Map((truth.sentinels ?? []).map((event) => [event, recordMatcher(event.hospital, [event.record_id], event.source === undefined ? [] : [event.source])]));
  const about = (warning: ScoredWarning, problem: PlantedProblem) => pointsAt(warning, problem, plantedRecords.get(problem)!);
  const holds = (warning: ScoredWarning, event: PlantedSentinel) => warning.evidence.some((record) => eventRecords.get(event)!(warning, record));
  // a sentinel event of several records may be a planted problem told by its own words (the
  // paediatric ward's gastro cluster, "mấy cháu bị đau bụng": an outbreak): about it by the quarter rule
  const pointing = (warning: ScoredWarning) =>
    (warning.kind === 'sentinel' && (truth.sentinels ?? []).some((event) => holds(warning, event))) || truth.planted.some((problem) => about(warning, problem));

  /** Delay in days to the first warning in time counting for `kind`, or null. */
  const delay = (kind: EvaluatedKind, start: string, windowEnd: string, isAbout: (warning: ScoredWarning) => boolean): number | null => {
    const delays = warnings.filter((w) => kindsOf(w).has(kind) && w.as_of >= start && w.as_of <= windowEnd && isAbout(w)).map((w) => daysBetween(start, w.as_of));
    return delays.length === 0 ? null : Math.min(...delays);
  };

  const hospitals = [...new Set([...truth.planted, ...(truth.sentinels ?? []), ...truth.decoys].map((known) => known.hospital))].sort();
  const scores: KindScore[] = [];
  for (const kind of EVALUATED_KINDS) {
    for (const hospital of [null, ...hospitals]) {
      const inHospital = (name: string | null) => hospital === null || name === hospital;
      const delays: number[] = [];
      let planted = 0;
      if (kind === 'sentinel') {
        for (const event of (truth.sentinels ?? []).filter((e) => inHospital(e.hospital))) {
          planted++;
          const d = delay(kind, event.day, addDaysIso(event.day, options.sentinelDays), (w) => holds(w, event));
          if (d !== null) delays.push(d);
        }
      } else {
        for (const problem of truth.planted.filter((p) => inHospital(p.hospital) && (kind !== 'satisfaction_drop' || p.survey !== undefined))) {
          planted++;
          const start = kind === 'satisfaction_drop' ? problem.survey!.start : problem.onset;
          const end = addDaysIso(kind === 'satisfaction_drop' ? monthEnd(start) : start, options.recallDays);
          const d = delay(kind, start, end, (w) => about(w, problem));
          if (d !== null) delays.push(d);
        }
      }
      const ofKind = distinct.filter((w) => scoredKind(w.kind) === kind && inHospital(w.hospital));
      // without planted events, a sentinel's precision is not known (a hospital's own serious texts are unlabelled)
      const known = kind !== 'sentinel' || truth.sentinels !== undefined;
      const hits = known ? ofKind.filter(pointing) : [];
      const decoyHits = ofKind.filter((w) => !hits.includes(w) && truth.decoys.some((decoy) => inHospital(decoy.hospital) && atDecoy(w, decoy)));
      const judged = kind === 'sentinel' || kind === 'satisfaction_drop' ? 0 : [...cellWeeks].reduce((sum, [name, weeks]) => sum + (inHospital(name) ? weeks : 0), 0);
      scores.push({
        kind,
        hospital,
        planted,
        found: delays.length,
        recall: planted === 0 ? null : delays.length / planted,
        warnings: ofKind.length,
        pointing: hits.length,
        precision: ofKind.length === 0 || !known ? null : hits.length / ofKind.length,
        decoyHits: decoyHits.length,
        falseAlarmsPer100: judged === 0 ? null : (100 * (ofKind.length - hits.length)) / judged,
        medianDelayDays: median(delays),
      });
    }
  }
  return scores;
}
