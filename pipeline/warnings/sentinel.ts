import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config.ts';
import { queryRows } from '../db.ts';
import { cutQuote } from '../frequency/quotes.ts';
import type { StepModels } from '../plan.ts';
import { addDays } from '../time.ts';
import type { WarningLogEntry } from './lifecycle.ts';
import { loadSentinelLists, type CompiledSentinelList } from './sentinel-lists.ts';
import { findSentinels, type SentinelHit } from './sentinel-match.ts';
import { warningId, type WarningCandidate, type WarningHistory } from './warnings.ts';

/** How long a sentinel stays on the warning list. */
export interface SentinelSettings {
  /** Days a sentinel is raised (new, then ongoing) from the later of its record's day and its first run. */
  recentDays: number;
  /** A record first seen this many days after it was received is still raised (a late export); older ones are history. */
  lateDays: number;
}

export const sentinelDefaults: Readonly<SentinelSettings> = Object.freeze({ recentDays: 7, lateDays: 30 });

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

/**
 * The sentinel warnings of a run on `asOf` (contract section 4, kind `sentinel`): one per record
 * that sentinelIsRaised, severity high whatever the counts, due the next working day of its
 * calendar, its evidence that record, its keywords the phrases matched in its redacted text, `event_class` the most
 * serious class found (all of them in `event_classes`), and its redacted text as the quote (cut
 * as every quote is, so a department's pack can show it with staff names where configured).
 */
export function sentinelCandidates(scan: SentinelScan, asOf: string, history: WarningHistory, settings: SentinelSettings = sentinelDefaults): WarningCandidate[] {
  const log = new Map(history.log.map((entry) => [entry.id, entry]));
  return scan.records.flatMap((record): WarningCandidate[] => {
    const logged = log.get(warningId(sentinelWarningKey(record)));
    if (!sentinelIsRaised(record.received_day, asOf, logged, settings)) return [];
    // due the working day after the run that first raised it, however often it is raised again
    const firstAsOf = logged !== undefined && logged.firstAsOf < asOf ? logged.firstAsOf : asOf;
    const classes = [...new Set(record.hits.map((hit) => hit.eventClass))];
    return [
      {
        kind: 'sentinel',
        warning_key: sentinelWarningKey(record),
        hospital: record.hospital,
        department: record.department,
        category: record.category,
        location: record.location,
        keywords: record.phrases,
        period_start: record.received_day,
        period_end: record.received_day,
        observed: 1,
        expected: 0,
        method: 'sentinel patterns',
        severity: 'high',
        evidence_ids: [record.id],
        evidence: [{ source: record.evidence_source, id: record.id }],
        quotes: [cutQuote(record.text_redacted)],
        event_class: classes[0]!,
        event_classes: classes,
        due_date: nextWorkingDay(scan.workingDays.get(record.calendar) ?? [], firstAsOf),
        reason: record.kind,
        month: null,
      },
    ];
  });
}

/**
 * The sentinel warnings of a run on `asOf` from the warehouse: scans the days a raised sentinel
 * can come from (lateDays and recentDays back) with the config's lists.
 */
export async function buildSentinelCandidates(
  connection: DuckDBConnection,
  models: StepModels,
  config: Pick<Config, 'referenceDirs'>,
  asOf: string,
  history: WarningHistory,
): Promise<WarningCandidate[]> {
  const from = addDays(asOf, -(sentinelDefaults.lateDays + sentinelDefaults.recentDays));
  const scan = await scanSentinels(connection, models, loadSentinelLists(config), from, asOf);
  return sentinelCandidates(scan, asOf, history);
}
