import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config, Language } from '../config.ts';
import { inTransaction, queryRows } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { formatNumber, t } from '../i18n.ts';
import { addDays } from '../time.ts';
import type { Category } from '../text/category-lexicon.ts';
import { warningLifecycle, type WarningLogEntry, type WarningStatus } from './lifecycle.ts';
import { SENTINEL_CLASSES, THREAT_CLASSES, type SentinelClass } from './sentinel-lists.ts';
import { workingDayDue } from './working-day-due.ts';
import { breachSeverity, dropSeverity, SEVERITY_ORDER, type Severity } from './severity.ts';
import { NO_CALENDAR } from '../calendar.ts';
import { ruleText } from '../satisfaction/rule-words.ts';
import { withheldInLanguage } from '../publish/withheld-value.ts';

/** Working days from the as-of date to a warning's due date, by kind: the source practice's timers. */
export const WARNING_DUE_DAYS = { sla_breach: 1, satisfaction_drop: 7 } as const;

/** The early-warning kinds the detectors raise over the weekly count series of the warehouse. */
export const DETECTOR_KINDS = ['spike', 'hotspot', 'emerging_term'] as const;

export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export type WarningKind = keyof typeof WARNING_DUE_DAYS | DetectorKind | 'sentinel';

/** One cell of the weekly series that signalled and is part of a detector warning. */
export interface WarningSignal {
  kind: DetectorKind;
  /** What the cell counts, its dimension first, e.g. `["department", "门诊部", "process"]`, `["location", "A&E entrance"]`, `["term", "en", "car park"]`. */
  cell: string[];
  observed: number;
  expected: number;
  upperbound: number | null;
  /** The probability of at least `observed` under the baseline model. */
  p_value: number;
  /** Benjamini–Hochberg adjusted p-value across the cells tested that week. */
  q_value: number;
  method: string;
}

/** A record behind a warning: its system and its id there. */
export interface EvidenceRecord {
  source: string;
  id: string;
}

/** sla_breach: the open case a warning is about (mart_open_cases) and the step it passed. */
export interface SlaCase {
  source: string;
  id: string;
  /** 1 once past its due date, one more per escalation step reached (config cases.escalation_steps). */
  escalation_step: number;
  /** Whom department_owners.csv names for owner_role; null when it names no one. */
  owner: string | null;
  owner_role: 'head' | 'supervising_leader';
  due_date: string;
  step_reached_on: string;
  /** The holiday calendar of the case, which its warning's due date is counted in. */
  calendar: string;
}

/** One cell of a satisfaction_drop warning that fell: a section (or `all`) of a patient type (or `all`) in a month or week. */
export interface SatisfactionCell {
  /** `A`..`E`, or `all` for the whole questionnaire. */
  section: string;
  /** `inpatient`, `outpatient`, or `all`. */
  patient_type: string;
  grain: 'month' | 'week';
  /** YYYY-MM, or the week's Monday YYYY-MM-DD. */
  period: string;
  /** `xmr`, `funnel` or `xmr_weekly`. */
  method: string;
  /** The rule that fired: the XmR special cause (Below LCL, 7 Points Below CL, ...) or the funnel's limit. */
  rule: string;
  responses: number;
  observed: number;
  expected: number;
}

/** satisfaction_drop: where it fell (its headline cell, the one that fell furthest), the quotes, and every cell that fell. */
export interface SatisfactionDrop {
  section: string;
  patient_type: string;
  grain: 'month' | 'week';
  period: string;
  rule: string;
  /** Up to three redacted comments of the headline's respondents dissatisfied with its section. */
  quotes: string[];
  cells: SatisfactionCell[];
}

/** One warning of contract section 4, with the text for people in the site's language. */
export interface Warning {
  id: string;
  kind: WarningKind;
  /** The hospital it concerns (contract section 4): that of its cell, department or surveys; null only for a warning logged before hospitals, published once more as resolved. */
  hospital: string | null;
  /** The run that raised it or last changed it: its facts or its status. */
  run_id: string;
  department: string | null;
  category: string | null;
  location: string | null;
  keywords: string[];
  period_start: string;
  period_end: string;
  observed: number;
  expected: number;
  method: string;
  severity: Severity;
  status: WarningStatus;
  evidence_ids: string[];
  /** The records behind it as (source, id) pairs, beside evidence_ids (contract section 4): an id is unique only within its source. */
  evidence: EvidenceRecord[];
  summary: string;
  suggested_action: string;
  due_date: string;
  /** Detector warnings: the bound the count crossed, the baseline window, the rule in words. */
  upperbound?: number | null;
  /** Spike warnings raised by a rise over two weeks: those weeks' complaints against their expectation and bound, which its summary states (observed and expected stay its week's). */
  two_weeks?: { period_start: string; observed: number; expected: number; upperbound: number };
  baseline_start?: string | null;
  baseline_end?: string | null;
  /** Detector warnings: the smallest BH-adjusted p-value of its signals (its rank in the list). */
  q_value?: number;
  /** Detector warnings: the terms that rose in its complaints against its cell's baseline year (G², Log Ratio). */
  rising_terms?: { term: string; g2: number; log_ratio: number }[];
  /** Detector warnings: up to five redacted texts of its evidence, the most typical first. */
  quotes?: string[];
  /** Detector warnings: every cell that signalled the same problem, the warning's own first. */
  signals?: WarningSignal[];
  /** Detector warnings: its named cell's weeks up to its own, each as its detector judged it then. */
  weekly?: WarningWeek[];
  /** Sentinel warnings: the most serious event class its record describes (fall, medication_error, ...), and all of them. */
  event_class?: string;
  event_classes?: string[];
  /** Sentinel warnings: the ids of its evidence that this run saw first (all of them in the run that raised it). */
  new_evidence_ids?: string[];
  /** sla_breach: the case and the step it passed. */
  sla_case?: SlaCase;
  /** Why it is open again although its problem was fixed: the fix's review found complaints did not fall (pipeline/fixes). */
  reopened_reason?: string;
  /** The same reason in every language, for the pages of each. */
  reopened_reasons?: Readonly<Record<Language, string>>;
  /** satisfaction_drop: the section and patient type that fell, and how. */
  satisfaction?: SatisfactionDrop;
}

/** One 7-day window of a detector warning's cell, judged on the windows before it (assessWeek). */
export interface WarningWeek {
  /** First day of the window, YYYY-MM-DD. */
  week_start: string;
  observed: number;
  /** Null where the detector had too little history to judge the window. */
  expected: number | null;
  /** Null where the guard held the window back (too few complaints to alarm on) or it could not be judged. */
  upperbound: number | null;
}

/** The warnings file of contract section 4. */
export interface WarningsFile {
  generated_at: string;
  as_of: string;
  warnings: Warning[];
}

/** A warning's facts before its id, status and text: a row of mart_warning_candidates, or a detector's. */
export type WarningCandidate = Omit<Warning, 'id' | 'run_id' | 'status' | 'summary' | 'suggested_action' | 'due_date' | 'sla_case' | 'satisfaction'> & {
  sla_case?: SlaCase | null;
  satisfaction?: SatisfactionDrop | null;
  warning_key: string;
  /** Detector warnings: the id of the open warning this one goes on with, when it is named after another of that problem's cells. */
  continues_id?: string;
  /** For people: the rule that fired (sla_breach: the most working days overdue). */
  reason: string;
  /** satisfaction_drop: the month that fell, YYYY-MM. */
  month: string | null;
  /** sentinel: its own due date, the next working day of its record's calendar. */
  due_date?: string;
};

/** What a satisfaction_drop candidate's severity is decided from (dropSeverity): how many methods saw it, whether a cell fell below its limit. */
export interface DropEvidence {
  methods: number;
  below_limit: boolean | null;
}

/** The warning log between runs: each warning's lifecycle and its last published form. */
export interface WarningHistory {
  log: WarningLogEntry[];
  published: Map<string, Warning>;
}

interface LogRow {
  id: string;
  first_as_of: string;
  last_as_of: string;
  resolved_as_of: string | null;
  warning: string;
}

/** A warning's id: a digest of what it is about, so the same problem keeps one id across runs. */
export function warningId(key: string): string {
  return `W-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * A warning key as it was before warnings were kept per hospital: the key (a JSON array, its
 * hospital first) without its hospital.
 *
 * @example legacyWarningKey('["east","sla_breach","急诊科"]') // '["sla_breach","急诊科"]'
 */
export function legacyWarningKey(key: string): string {
  return JSON.stringify((JSON.parse(key) as unknown[]).slice(1));
}

/**
 * Each candidate's id: the digest of its key, which names its hospital, so the same problem in two
 * hospitals is two warnings. A warning logged before hospitals (its id the digest of the key
 * without one) that is still open keeps that id while one candidate alone claims it and the logged
 * warning names no hospital or the same one: an upgraded warehouse goes on with its open warnings
 * instead of resolving them and raising them again under new ids.
 */
function candidateIds(candidates: readonly WarningCandidate[], history: WarningHistory): Map<string, WarningCandidate> {
  const logged = new Set(history.log.map((entry) => entry.id));
  const open = new Set(history.log.filter((entry) => entry.resolvedAsOf === null).map((entry) => entry.id));
  const legacy = candidates.map((row) => warningId(legacyWarningKey(row.warning_key)));
  const claims = new Map<string, number>();
  for (const id of legacy) claims.set(id, (claims.get(id) ?? 0) + 1);
  return new Map(
    candidates.map((row, i) => {
      const id = row.continues_id ?? warningId(row.warning_key);
      const old = legacy[i]!;
      const loggedHospital = history.published.get(old)?.hospital ?? null;
      const keepsOld = !logged.has(id) && open.has(old) && claims.get(old) === 1 && (loggedHospital === null || loggedHospital === row.hospital);
      return [keepsOld ? old : id, row];
    }),
  );
}

/** How to word and time warnings: the site's language, the days to fix one, the working days they are counted in. */
export interface WarningStyle {
  language: Language;
  /** stg_complaint_sla: working days by category (`other` for none); the source practice gives `process` 3. */
  dueDays: ReadonlyMap<string, number>;
  /** Each holiday calendar's working days, ascending (int_working_days). */
  workingDays: ReadonlyMap<string, readonly string[]>;
  /** The calendar of a warning that is not about one case: the one most feedback records follow. */
  calendar: string;
}

/** How a warning's text writes dates: warnings.json keeps them ISO (a data file); a page writes them as its language does (pipeline/dates.ts). */
export interface WarningDates {
  day(date: string): string;
  month(month: string): string;
}

const ISO_DATES: WarningDates = { day: (date) => date, month: (month) => month };

/** What a warning's text is worded from: a candidate's facts, or a published warning's (which has no `reason` or `month`). */
type WarningFacts = Omit<WarningCandidate, 'warning_key' | 'reason' | 'month'> & { reason?: string; month?: string | null };

/**
 * A published warning's summary and suggested action in any language, worded again from its
 * fields, so each language's pages say what happened in their own words while warnings.json keeps
 * the run's language. A satisfaction drop published without its cells, or a breach without its
 * case, keeps its summary as written.
 *
 * @example warningText(warning, 'vi', { day: (date) => formatDate('vi', date), month: (month) => formatMonth('vi', month) }).summary
 */
export function warningText(warning: Warning, language: Language, dates: WarningDates): Pick<Warning, 'summary' | 'suggested_action'> {
  if (warning.kind === 'satisfaction_drop' && warning.satisfaction === undefined) return { summary: warning.summary, suggested_action: t(language, 'warning.action.satisfaction_drop') };
  if (warning.kind === 'sla_breach' && warning.sla_case === undefined) return { summary: warning.summary, suggested_action: t(language, 'warning.action.sla_breach') };
  return describe(warning, language, dates);
}

function describe(row: WarningFacts, language: Language, dates: WarningDates = ISO_DATES): Pick<Warning, 'summary' | 'suggested_action'> {
  // the sentence is read by a person: a department withheld for personal data in their words (the field keeps the token)
  const department = row.department === null ? t(language, 'warning.hospital') : withheldInLanguage(row.department, language);
  const n = (value: number) => formatNumber(language, Math.round(value * 10) / 10);
  if (row.kind === 'sla_breach' && row.sla_case) {
    const { id, due_date: due, escalation_step: step, owner, owner_role: role } = row.sla_case;
    // the working days overdue: the candidate's reason, which a published warning holds as its observed count
    const days = row.reason || n(row.observed);
    return {
      // a due date that fell just before days off: past due, yet not one working day overdue
      summary: t(language, Number(days) === 0 ? 'warning.summary.sla_breach_due' : 'warning.summary.sla_breach', { department, id, due: dates.day(due), days, step: String(step), owner: owner ?? t(language, `case.role.${role}`) }),
      suggested_action: t(language, 'warning.action.sla_breach'),
    };
  }
  if (row.kind === 'satisfaction_drop' && row.satisfaction) return describeSatisfactionDrop(row, row.satisfaction, language, department, dates);
  if (row.kind === 'satisfaction_drop') {
    return {
      summary: t(language, 'warning.summary.satisfaction_drop', { department, month: dates.month(row.month ?? ''), observed: n(row.observed), expected: n(row.expected), reason: ruleText(language, row.reason ?? '') }),
      suggested_action: t(language, 'warning.action.satisfaction_drop'),
    };
  }
  if (row.kind === 'sentinel') return describeSentinel(row, language, department, dates);
  const category = t(language, `category.${(row.category ?? 'other') as Category}`);
  const where = row.kind === 'hotspot' ? (row.location ?? department) : row.kind === 'emerging_term' ? `“${row.keywords[0] ?? ''}”` : `${department} · ${category}`;
  const keywords = row.keywords.join(language === 'zh' ? '、' : ', ');
  // a rise over two weeks is told by the two weeks that raised it: its week alone may be below its own bound
  if (row.kind === 'spike' && row.two_weeks) {
    const { period_start: from, observed, expected, upperbound } = row.two_weeks;
    const summary = t(language, 'warning.summary.spike.twoWeeks', { where, observed: n(observed), from: dates.day(from), expected: n(expected), bound: n(upperbound), keywords });
    return { summary, suggested_action: t(language, `warning.action.category.${(row.category ?? 'other') as Category}`) };
  }
  const summary = t(language, `warning.summary.${row.kind}`, {
    where,
    observed: n(row.observed),
    week: dates.day(row.period_start),
    expected: n(row.expected),
    bound: row.upperbound === null || row.upperbound === undefined ? '–' : n(row.upperbound),
    keywords,
  });
  return { summary, suggested_action: t(language, `warning.action.category.${(row.category ?? 'other') as Category}`) };
}

/** A satisfaction drop in words: the section and patient type that fell, in which month or week, observed against expected, and the rule. */
function describeSatisfactionDrop(row: WarningFacts, drop: SatisfactionDrop, language: Language, department: string, dates: WarningDates): Pick<Warning, 'summary' | 'suggested_action'> {
  const n = (value: number) => formatNumber(language, Math.round(value * 10) / 10);
  const patients = (['inpatient', 'outpatient'] as const).find((type) => type === drop.patient_type) ?? 'all';
  const summary = t(language, 'warning.summary.satisfaction_drop.cell', {
    section: drop.section === 'all' ? t(language, 'satisfaction.wholeForm') : t(language, 'satisfaction.section', { section: drop.section }),
    patients: t(language, `satisfaction.patients.${patients}`),
    department,
    period: drop.grain === 'week' ? t(language, 'satisfaction.week', { week: dates.day(drop.period) }) : t(language, 'satisfaction.month', { month: dates.month(drop.period) }),
    observed: n(row.observed),
    expected: n(row.expected),
    reason: ruleText(language, drop.rule),
  });
  return { summary, suggested_action: t(language, 'warning.action.satisfaction_drop') };
}

/** A sentinel in words: the event, where, when, and the phrases that said so; the reputational classes go first to the patient-relations office. */
function describeSentinel(row: WarningFacts, language: Language, department: string, dates: WarningDates): Pick<Warning, 'summary' | 'suggested_action'> {
  const eventClass = row.event_class ?? '';
  const event = (SENTINEL_CLASSES as readonly string[]).includes(eventClass) ? t(language, `sentinel.class.${eventClass as SentinelClass}`) : eventClass;
  const keywords = row.keywords.map((keyword) => `“${keyword}”`).join(language === 'zh' ? '、' : ', ');
  const quoted = row.keywords.length > 0;
  const count = row.evidence_ids.length;
  // an event of several records says which and how many are news to this run
  const summary =
    count <= 1
      ? t(language, quoted ? 'warning.summary.sentinel' : 'warning.summary.sentinelUnquoted', { event, department, day: dates.day(row.period_start), record: row.evidence_ids[0] ?? '', keywords })
      : [
          t(language, quoted ? 'warning.summary.sentinelEvent' : 'warning.summary.sentinelEventUnquoted', {
            event,
            department,
            count: formatNumber(language, count),
            from: dates.day(row.period_start),
            to: dates.day(row.period_end),
            records: row.evidence_ids.join(', '),
            keywords,
          }),
          ...newRecordsNote(row.new_evidence_ids?.length ?? 0, language),
        ].join(language === 'zh' ? '' : ' ');
  return { summary, suggested_action: t(language, THREAT_CLASSES.has(eventClass) ? 'warning.action.sentinel.threat' : 'warning.action.sentinel.safety') };
}

/** "2 new records this run", or nothing when none is new. */
function newRecordsNote(count: number, language: Language): string[] {
  if (count === 0) return [];
  return [count === 1 ? t(language, 'warning.sentinel.newRecord') : t(language, 'warning.sentinel.newRecords', { count: formatNumber(language, count) })];
}

/** A sentinel as it last stood, with nothing new this run: how a resolved one is published. */
function withoutNews(warning: Warning, language: Language): Warning {
  if ((warning.new_evidence_ids ?? []).length === 0) return warning;
  const quiet = { ...warning, new_evidence_ids: [] };
  return { ...quiet, ...describe(quiet, language) };
}

/** A warning is due a number of working days after the as-of date, in its case's calendar or the hospital's. */
function dueDate(row: WarningCandidate, asOf: string, style: WarningStyle): string {
  // a sentinel is due the working day after the run that first raised it, fixed then
  if (row.kind === 'sentinel' && row.due_date !== undefined) return row.due_date;
  const days =
    row.kind === 'sla_breach' || row.kind === 'satisfaction_drop'
      ? WARNING_DUE_DAYS[row.kind]
      : (style.dueDays.get(row.category ?? 'other') ?? style.dueDays.get('other') ?? 7);
  const calendar = row.sla_case?.calendar ?? style.calendar;
  return workingDayDue(asOf, days, style.workingDays.get(calendar) ?? []);
}

/**
 * Whether a warning is published this run. An sla_breach is news once: when its case passed its
 * step in the seven days to the as-of date (the week a weekly run covers) and the warning is new.
 * A case that stays overdue, or passed its step before that week (a first run on old data), is on
 * the open-case list (mart_open_cases), not in the warnings again.
 */
function isPublished(warning: Warning, asOf: string): boolean {
  if (warning.kind !== 'sla_breach') return true;
  return warning.status === 'new' && (warning.sla_case?.step_reached_on ?? '') >= addDays(asOf, -6);
}

/** Whether two versions of a warning say the same, apart from its status, run and due date (which moves with the as-of date). */
function sameFacts(before: Warning, after: Omit<Warning, 'run_id'>): boolean {
  const facts = ({ status: _status, run_id: _run, due_date: _due, ...rest }: Partial<Warning>) => JSON.stringify(rest, Object.keys(rest).sort());
  return facts(before) === facts(after);
}

/**
 * One run's warnings from its candidates and the history of earlier runs: each candidate gets its
 * stable id (warningId of its key), its status (warningLifecycle: new, ongoing, or resolved once
 * when gone), its summary and action in the site's language and a due date; a resolved warning is
 * published once, as it last stood. Each carries `runId` where this run raised it, changed its facts
 * or resolved it; a warning whose status and facts stand as published keeps the run_id it had.
 * A warning in `reopened` (id → reason in each language: its fix did not work, pipeline/fixes/reopen.ts) is raised
 * again as it last stood, ongoing or new, with its reason (in the site's language, and in each) and a new due date.
 * Returns the warnings, most severe first, and the history after this run. Pure, so that `run`
 * keeps the history in the warehouse and a backtest in memory.
 */
export function raiseWarnings(
  candidates: readonly WarningCandidate[],
  history: WarningHistory,
  asOf: string,
  style: WarningStyle,
  runId: string,
  reopened: ReadonlyMap<string, Readonly<Record<Language, string>>> = new Map(),
): { warnings: Warning[]; history: WarningHistory } {
  const raised = candidateIds(candidates, history);
  // a warning whose fix did not work is raised again, as it last stood, with the reason
  const reopenedIds = [...reopened.keys()].filter((id) => !raised.has(id) && history.published.has(id));
  const lifecycle = warningLifecycle([...raised.keys(), ...reopenedIds], history.log, asOf);
  const published = new Map(history.published);
  const warnings: Warning[] = [];
  for (const [id, status] of lifecycle.statuses) {
    const row = raised.get(id);
    const reason = reopened.get(id);
    if (row === undefined && reason !== undefined && status !== 'resolved') {
      const last = published.get(id)!;
      const due = dueDate({ ...last, warning_key: '', reason: '', month: null }, asOf, style);
      const warning: Warning = { ...last, hospital: last.hospital ?? null, status, run_id: runId, due_date: due, reopened_reason: reason[style.language], reopened_reasons: reason };
      warnings.push(warning);
      published.set(id, warning);
      continue;
    }
    if (row === undefined) {
      const last = published.get(id);
      if (last !== undefined && isPublished({ ...last, status }, asOf)) warnings.push({ ...withoutNews(last, style.language), hospital: last.hospital ?? null, evidence: last.evidence ?? [], status, run_id: runId });
      continue;
    }
    const { warning_key: _key, continues_id: _continues, reason: _reason, month: _month, sla_case: slaCase, satisfaction, ...fields } = row;
    const described = {
      id,
      ...fields,
      ...(slaCase ? { sla_case: slaCase } : {}),
      ...(satisfaction ? { satisfaction, quotes: satisfaction.quotes } : {}),
      status,
      ...describe(row, style.language),
      due_date: dueDate(row, asOf, style),
      ...(reason === undefined ? {} : { reopened_reason: reason[style.language], reopened_reasons: reason }),
    };
    const before = published.get(id);
    // a rerun of the same day, or a warning that stands as published, keeps the run that raised it
    const unchanged = before !== undefined && before.status === status && sameFacts(before, described);
    const warning: Warning = { ...described, run_id: unchanged ? before.run_id : runId };
    if (isPublished(warning, asOf)) warnings.push(warning);
    published.set(id, warning);
  }
  warnings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.q_value ?? 1) - (b.q_value ?? 1) ||
      a.kind.localeCompare(b.kind) ||
      (a.hospital ?? '').localeCompare(b.hospital ?? '') ||
      (a.department ?? '').localeCompare(b.department ?? '') ||
      a.id.localeCompare(b.id),
  );
  return { warnings, history: { log: lifecycle.log, published } };
}

/** The warning log of the warehouse. */
export async function readWarningHistory(connection: DuckDBConnection): Promise<WarningHistory> {
  const rows = await queryRows<LogRow>(
    connection,
    "select id, strftime(first_as_of, '%Y-%m-%d') as first_as_of, strftime(last_as_of, '%Y-%m-%d') as last_as_of, strftime(resolved_as_of, '%Y-%m-%d') as resolved_as_of, warning::varchar as warning from warning_log",
  );
  return {
    log: rows.map((row) => ({ id: row.id, firstAsOf: row.first_as_of, lastAsOf: row.last_as_of, resolvedAsOf: row.resolved_as_of })),
    published: new Map(rows.map((row) => [row.id, withCellParts(JSON.parse(row.warning) as Warning)])),
  };
}

/**
 * A logged warning with its signals' cells as lists of parts: a warehouse from before cells were
 * lists holds each as one `dimension|value` string, published again (when resolved) as one part.
 */
function withCellParts(warning: Warning): Warning {
  if (warning.signals === undefined) return warning;
  const signals = warning.signals.map((signal) => ({ ...signal, cell: ([] as string[]).concat(signal.cell) }));
  return { ...warning, signals };
}

/** The ids of warnings open after the last run: a detector problem keeps its id through them. */
export function openWarningIds(history: WarningHistory): Set<string> {
  return new Set(history.log.filter((entry) => entry.resolvedAsOf === null).map((entry) => entry.id));
}

/**
 * Working days to fix a warning by category, from stg_complaint_sla (the SLA the KPIs clock
 * complaints by), and the calendars they are counted in (int_working_days, built with the marts).
 */
export async function readWarningStyle(connection: DuckDBConnection, language: Language): Promise<WarningStyle> {
  const rows = await queryRows<{ category: string; days: number }>(
    connection,
    'select category, sla_working_days as days from stg_complaint_sla',
  );
  const calendars = await queryRows<{ calendar: string; days: string[] }>(
    connection,
    "select calendar, list(strftime(day, '%Y-%m-%d') order by day) as days from int_working_days where is_working_day group by calendar",
  );
  const [main] = await queryRows<{ calendar: string }>(
    connection,
    'select calendar from feedback_records inner join file_calendar using (file_id) group by calendar order by count(*) desc, calendar limit 1',
  );
  return {
    language,
    dueDays: new Map(rows.map((row) => [row.category, row.days])),
    workingDays: new Map(calendars.map((row) => [row.calendar, row.days])),
    calendar: main?.calendar ?? NO_CALENDAR,
  };
}

/**
 * The warnings of a run (contract section 4): the candidates the marts support at the as-of date
 * (mart_warning_candidates: sla_breach, satisfaction_drop) and the detectors' and sentinels' (`detected`), raised
 * against the warning log (raiseWarnings), which is then saved for the next run.
 */
export async function buildWarnings(
  connection: DuckDBConnection,
  config: Config,
  asOf: string,
  generatedAt: string,
  detected: readonly WarningCandidate[],
  history: WarningHistory,
  runId: string,
  models: StepModels,
  reopened: ReadonlyMap<string, Readonly<Record<Language, string>>> = new Map(),
): Promise<WarningsFile> {
  await models.run('marts/mart_warning_candidates');
  const rows = await queryRows<WarningCandidate & DropEvidence>(
    connection,
    "select * exclude (period_start, period_end), strftime(period_start, '%Y-%m-%d') as period_start, strftime(period_end, '%Y-%m-%d') as period_end from mart_warning_candidates",
  );
  const marts = rows.map(({ methods, below_limit, ...row }) => ({
    ...row,
    severity: row.kind === 'sla_breach' ? breachSeverity(row.sla_case!.escalation_step) : dropSeverity(methods, below_limit),
  }));
  const style = await readWarningStyle(connection, config.language);
  const { warnings, history: next } = raiseWarnings([...marts, ...detected], history, asOf, style, runId, reopened);
  await inTransaction(connection, async () => {
    await connection.run('delete from warning_log');
    for (const entry of next.log) {
      await connection.run('insert into warning_log values ($id, $first::date, $last::date, $resolved::date, $warning::json)', {
        id: entry.id,
        first: entry.firstAsOf,
        last: entry.lastAsOf,
        resolved: entry.resolvedAsOf,
        warning: JSON.stringify(next.published.get(entry.id) ?? {}),
      });
    }
  });
  return { generated_at: generatedAt, as_of: asOf, warnings };
}
