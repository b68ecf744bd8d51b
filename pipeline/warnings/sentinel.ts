import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config, EarlyWarningSettings } from '../config.ts';
import { queryRows } from '../db.ts';
import { cutQuote } from '../frequency/quotes.ts';
import type { StepModels } from '../plan.ts';
import { addDays } from '../time.ts';
import type { WarningLogEntry } from './lifecycle.ts';
import { loadSentinelLists, type CompiledSentinelList } from './sentinel-lists.ts';
import { findSentinels, type SentinelHit } from './sentinel-match.ts';
import { SENTINEL_SEVERITY } from './severity.ts';
import { warningId, type WarningCandidate, type WarningHistory } from './warnings.ts';

/** How long a sentinel stays on the warning list, and which records are one event. */
export interface SentinelSettings {
  /** Days a sentinel is raised (new, then ongoing) from the later of its record's day and its first run. */
  recentDays: number;
  /** A record first seen this many days after it was received is still raised (a late export); older ones are history. */
  lateDays: number;
  /**
   * Records of one event class in one hospital and department received within this many days of
   * the first are one warning (a ward's wrong drugs of one fortnight are one problem to review),
   * while it is open; 0 keeps every record its own warning.
   */
  groupDays: number;
}

export const sentinelDefaults: Readonly<SentinelSettings> = Object.freeze({ recentDays: 7, lateDays: 30, groupDays: 14 });

/** A feedback record that describes a serious event, with what its warning needs (no raw text). */
export interface SentinelRecord {
  hospital: string;
  source: string;
  id: string;
  /** Its source as the feedback export publishes it (redacted): the warning's evidence pair names it. */
  evidence_source: string;
  /** YYYY-MM-DD, hospital-local. */
  received_day: string;
  kind: string;
  department: string | null;
  category: string | null;
  location: string | null;
  text_redacted: string;
  /** The working-day calendar of its file (holidays.csv), or `none`. */
  calendar: string;
  /** The events found in its raw text, the most serious first. */
  hits: SentinelHit[];
  /**
   * The phrases to publish: those the lists find in its redacted text, so a phrase never carries
   * what redaction took out (a pattern's words may span a name); empty where only the raw text matched.
   */
  phrases: string[];
}

/** The records of a stretch of days that describe serious events, and the working days to time them. */
export interface SentinelScan {
  records: SentinelRecord[];
  /** Calendar → its working days (YYYY-MM-DD, ascending) from the first day scanned to a month past the last. */
  workingDays: Map<string, string[]>;
}

/**
 * Reads the feedback records received from `from` to `to` (sentinel_records) and keeps those whose
 * raw text the sentinel lists match (findSentinels); their raw text is not kept. Needs the marts
 * (fct_feedback, int_working_days) and file_calendar.
 */
export async function scanSentinels(connection: DuckDBConnection, models: StepModels, lists: readonly CompiledSentinelList[], from: string, to: string): Promise<SentinelScan> {
  const rows = await queryRows<Omit<SentinelRecord, 'hits' | 'phrases'> & { text_raw: string }>(connection, models.sql('warnings/sentinel_records'), { from, to });
  const records = rows.flatMap(({ text_raw, ...record }) => {
    const hits = findSentinels(text_raw, lists);
    if (hits.length === 0) return [];
    const phrases = [...new Set(findSentinels(record.text_redacted, lists).map((hit) => hit.phrase))];
    return [{ ...record, hits, phrases }];
  });
  const days = await queryRows<{ calendar: string; day: string }>(connection, models.sql('warnings/sentinel_working_days'), { from, to: addDays(to, 31) });
  const workingDays = new Map<string, string[]>();
  for (const { calendar, day } of days) {
    const list = workingDays.get(calendar) ?? [];
    list.push(day);
    workingDays.set(calendar, list);
  }
  return { records, workingDays };
}

/**
 * The first working day after `asOf` in a calendar's working days (ascending); Monday to Friday
 * where the calendar has none that late.
 *
 * @example nextWorkingDay(['2025-09-30', '2025-10-09'], '2025-09-30') // '2025-10-09' (国庆节 in between)
 */
export function nextWorkingDay(workingDays: readonly string[], asOf: string): string {
  const next = workingDays.find((day) => day > asOf);
  if (next !== undefined) return next;
  let day = addDays(asOf, 1);
  while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/** What a sentinel warning is about: its record, so it keeps one id across runs. */
export function sentinelWarningKey(record: Pick<SentinelRecord, 'hospital' | 'source' | 'id'>): string {
  return JSON.stringify([record.hospital, 'sentinel', record.source, record.id]);
}

/**
 * Whether a run on `asOf` raises a record's sentinel: received by then, and either never raised
 * and received within `lateDays` (the first run that sees it, also when its export came late), or
 * raised before, not yet resolved, and still within `recentDays` of the later of its day and the
 * run that first raised it. So a sentinel is new in the first run that sees it, ongoing in the runs
 * of the following days, resolved once after; never held back by counts.
 */
export function sentinelIsRaised(receivedDay: string, asOf: string, logged: WarningLogEntry | undefined, settings: SentinelSettings = sentinelDefaults): boolean {
  if (receivedDay > asOf) return false;
  if (logged === undefined) return receivedDay > addDays(asOf, -settings.lateDays);
  if (logged.resolvedAsOf !== null && logged.resolvedAsOf <= asOf) return false;
  const since = logged.firstAsOf > receivedDay ? logged.firstAsOf : receivedDay;
  return since > addDays(asOf, -settings.recentDays);
}

/** Records of one event: one hospital, department and event class, received within `groupDays` of the first. */
interface SentinelEvent {
  /** The warning it continues (its id), or null for an event first raised this run. */
  logged: WarningLogEntry | undefined;
  /** Its records, oldest first. */
  records: SentinelRecord[];
}

/** The fields that make records one event; the class is the record's most serious. */
const eventOf = (record: SentinelRecord): string => JSON.stringify([record.hospital, record.department, record.hits[0]!.eventClass]);

/**
 * The events of the records received by `asOf`: a record already in a logged sentinel warning's
 * evidence stays in that warning (an event keeps its records, and its id, across runs); any other
 * joins the open event of its hospital, department and class whose first record is at most
 * `groupDays` older, else starts one. A resolved warning takes no new record: a new record then is
 * news and starts an event of its own.
 */
function sentinelEvents(records: readonly SentinelRecord[], asOf: string, history: WarningHistory, settings: SentinelSettings): SentinelEvent[] {
  const log = new Map(history.log.map((entry) => [entry.id, entry]));
  const owner = new Map<string, string>();
  for (const [id, warning] of history.published) {
    if (warning.kind !== 'sentinel') continue;
    for (const evidence of warning.evidence_ids) owner.set(JSON.stringify([warning.hospital, evidence]), id);
  }
  const isOpen = (entry: WarningLogEntry | undefined) => entry === undefined || entry.resolvedAsOf === null || entry.resolvedAsOf > asOf;
  const byId = new Map<string, SentinelEvent>();
  const latestOf = new Map<string, SentinelEvent>();
  for (const record of [...records].filter((r) => r.received_day <= asOf).sort((a, b) => (a.received_day < b.received_day ? -1 : a.received_day > b.received_day ? 1 : 0))) {
    const ownerId = owner.get(JSON.stringify([record.hospital, record.id]));
    const candidate = ownerId === undefined ? latestOf.get(eventOf(record)) : byId.get(ownerId);
    const joins =
      candidate !== undefined &&
      (ownerId !== undefined || (settings.groupDays > 0 && isOpen(candidate.logged) && record.received_day <= addDays(candidate.records[0]!.received_day, settings.groupDays)));
    if (joins) {
      candidate.records.push(record);
      continue;
    }
    const id = ownerId ?? warningId(sentinelWarningKey(record));
    const event: SentinelEvent = { logged: log.get(id), records: [record] };
    byId.set(id, event);
    if (ownerId === undefined || isOpen(event.logged)) latestOf.set(eventOf(record), event);
  }
  return [...byId.values()];
}

/**
 * The records of an event that are news to this run: not in its warning as last published, or
 * news to the run that published it when that run had this same as-of date (a re-run says the same).
 */
function newRecords(event: SentinelEvent, asOf: string, history: WarningHistory): SentinelRecord[] {
  const published = event.logged === undefined ? undefined : history.published.get(event.logged.id);
  if (published === undefined) return event.records;
  const rerun = event.logged!.lastAsOf === asOf ? new Set(published.new_evidence_ids ?? []) : new Set<string>();
  const seen = new Set(published.evidence_ids);
  return event.records.filter((record) => !seen.has(record.id) || rerun.has(record.id));
}

/**
 * The sentinel warnings of a run on `asOf` (contract section 4, kind `sentinel`): one per event
 * (sentinelEvents: a hospital's department's records of one class within `groupDays`), raised
 * while a record of it is news to this run (received within `lateDays`) or while it is within
 * `recentDays` of the later of its latest record and its first run (sentinelIsRaised). Severity
 * high whatever the counts; due the next working day after the run that saw its latest news;
 * its evidence its records, oldest first, `new_evidence_ids` those first seen in this run; its
 * keywords the phrases matched in its redacted texts; `event_class` the class that groups it (all
 * classes found in `event_classes`); its redacted texts as quotes (cut as every quote is, so a
 * department's pack can show them with staff names where configured). An event's id is that of
 * its first record's warning, so a single record keeps the id it had before events.
 */
export function sentinelCandidates(scan: SentinelScan, asOf: string, history: WarningHistory, settings: SentinelSettings = sentinelDefaults): WarningCandidate[] {
  return sentinelEvents(scan.records, asOf, history, settings).flatMap((event): WarningCandidate[] => {
    const { logged, records } = event;
    const fresh = newRecords(event, asOf, history).filter((record) => record.received_day > addDays(asOf, -settings.lateDays));
    const latest = records.at(-1)!;
    if (fresh.length === 0 && (logged === undefined || !sentinelIsRaised(latest.received_day, asOf, logged, settings))) return [];
    const [first] = records as [SentinelRecord];
    const published = logged === undefined ? undefined : history.published.get(logged.id);
    // due the working day after the run that saw its latest news, however often it is raised again
    const firstAsOf = logged !== undefined && logged.firstAsOf < asOf ? logged.firstAsOf : asOf;
    const due = fresh.length > 0 || published === undefined ? nextWorkingDay(scan.workingDays.get(latest.calendar) ?? [], fresh.length > 0 ? asOf : firstAsOf) : published.due_date;
    return [
      {
        kind: 'sentinel',
        warning_key: sentinelWarningKey(first),
        hospital: first.hospital,
        department: first.department,
        category: first.category,
        location: first.location,
        keywords: [...new Set(records.flatMap((record) => record.phrases))],
        period_start: first.received_day,
        period_end: latest.received_day,
        observed: records.length,
        expected: 0,
        method: 'sentinel patterns',
        severity: SENTINEL_SEVERITY,
        evidence_ids: records.map((record) => record.id),
        evidence: records.map((record) => ({ source: record.evidence_source, id: record.id })),
        new_evidence_ids: fresh.map((record) => record.id),
        quotes: records.slice(-5).map((record) => cutQuote(record.text_redacted)),
        event_class: first.hits[0]!.eventClass,
        event_classes: [...new Set(records.flatMap((record) => record.hits.map((hit) => hit.eventClass)))],
        due_date: due,
        reason: first.kind,
        month: null,
      },
    ];
  });
}

/**
 * The sentinel warnings of a run on `asOf` from the warehouse: scans the days a raised sentinel
 * can come from (lateDays, recentDays and groupDays back) with the config's lists.
 */
export async function buildSentinelCandidates(
  connection: DuckDBConnection,
  models: StepModels,
  config: Pick<Config, 'referenceDirs' | 'detection' | 'language'>,
  asOf: string,
  history: WarningHistory,
): Promise<WarningCandidate[]> {
  const settings = sentinelSettings(config.detection);
  const from = addDays(asOf, -(settings.lateDays + settings.recentDays + settings.groupDays));
  const scan = await scanSentinels(connection, models, loadSentinelLists(config), from, asOf);
  return sentinelCandidates(scan, asOf, history, settings);
}

/** The sentinel settings of a run: the hospital's early_warning section over sentinelDefaults. */
export function sentinelSettings(given: EarlyWarningSettings): SentinelSettings {
  return { ...sentinelDefaults, groupDays: given.sentinel_group_days ?? sentinelDefaults.groupDays };
}
