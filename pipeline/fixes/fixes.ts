import { DuckDBDateValue, type DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, queryRows, quoteIdentifier, setVariables } from '../db.ts';
import { oneLine } from '../errors.ts';
import { normalizeHeader } from '../ingest/contract.ts';
import type { Discovery, InputFile } from '../ingest/discover.ts';
import { fileErrorText, UnreadableFile, type FileRejection } from '../ingest/file-rejection.ts';
import { readRawTable } from '../ingest/read-raw.ts';
import type { StepModels } from '../plan.ts';
import { FIX_REVIEW, fixVerdict, type FixVerdict } from './fix-verdict.ts';
import { quarantineReasonText } from '../quarantine-reasons.ts';

/** The columns of a fixes file; only fixed_on is required, with a warning_id or the problem named. */
export const FIX_COLUMNS = ['hospital', 'warning_id', 'department', 'category', 'location', 'keywords', 'fixed_on', 'action'] as const;

/** One fixes file's line of the run summary: its rows, reviewed or quarantined, and why. */
export interface FixesFileReport {
  path: string;
  status: 'loaded' | 'rejected';
  rows_read: number;
  reviewed: number;
  quarantined: number;
  /** By the reason's English wording, as the input files' (contract section 6). */
  quarantine_reasons: Record<string, number>;
  /** The same counts by reason code (data/reference/quarantine_reasons.json). */
  quarantine_reason_codes: Record<string, number>;
  /** Why the whole file was rejected, in English; `rejection` the same as a reason code (ingest/file-rejection.ts). */
  error?: string;
  rejection?: FileRejection;
}

/** A row of mart_fix_reviews, dates as YYYY-MM-DD. */
export interface FixReviewRow {
  hospital: string;
  warning_id: string | null;
  department: string | null;
  /** The canonical departments the fix's department resolves to. */
  departments: string[];
  category: string | null;
  location: string | null;
  keywords: string[];
  fixed_on: string;
  /** The day this review counts to: a month's end since the fix, or the as-of date (`is_current`). */
  reviewed_on: string;
  is_current: boolean;
  action: string | null;
  before_start: string;
  before_end: string;
  after_start: string;
  after_end: string | null;
  after_window_end: string;
  before_days: number;
  after_days: number;
  before_complaints: number;
  after_complaints: number;
  season_adjusted: boolean;
  expected_ratio: number | null;
  rate_ratio: number | null;
  ci_low: number | null;
  ci_high: number | null;
  verdict: FixVerdict;
  judge_from: string;
  reopens: boolean;
}

interface CountRow {
  path: string;
  file_row: number;
  reviewed_on: string;
  before_complaints: number;
  after_complaints: number;
  before_days: number;
  after_days: number;
  season_before: number | null;
  season_after: number | null;
}

/** Reads one fixes file into fix_input; a file hearken cannot read, or without fixed_on, is rejected whole. */
async function readFixesFile(connection: DuckDBConnection, file: InputFile, models: StepModels): Promise<FileRejection | string | null> {
  if (file.unsupported !== undefined || file.format === null) return { reason: file.unsupported ?? 'rejection.notATable' };
  const hasFixedOn = (cells: readonly string[]) => cells.some((cell) => normalizeHeader(cell) === 'fixed_on');
  try {
    const raw = await readRawTable(connection, file, hasFixedOn, models);
    if (!hasFixedOn(raw.headers)) return { reason: 'rejection.noFixedOn' };
    const byName = new Map(raw.headers.map((header) => [normalizeHeader(header), header]));
    const values = FIX_COLUMNS.map((name) => (byName.has(name) ? `${quoteIdentifier(byName.get(name)!)}::varchar` : 'null'));
    await connection.run(`insert into fix_input select $path, ${raw.position}, false, ${values.join(', ')} from raw_rows`, { path: file.relativePath });
    await connection.run('insert into fix_input (path, file_row, broken) select $path, coalesce(file_row, file_line), true from raw_broken', { path: file.relativePath });
    return null;
  } catch (error) {
    if (error instanceof UnreadableFile) return error.rejection ?? error.message;
    throw error;
  }
}

/**
 * The review of what hospitals fixed (整改 → 复查): reads the fixes files of the input folder
 * (`discovery.fixes`) afresh, quarantines each bad row with its reason, counts each fix's
 * complaints before and after (int_fix_counts), judges it (fixVerdict) and fills
 * mart_fix_reviews. Needs the marts, the warning log and the variable as_of.
 */
export async function reviewFixes(
  connection: DuckDBConnection,
  discovery: Pick<Discovery, 'fixes'>,
  models: StepModels,
): Promise<{ files: FixesFileReport[]; reviews: FixReviewRow[] }> {
  await models.run('fixes/fix_input');
  const rejected = new Map<string, FileRejection | string>();
  for (const file of discovery.fixes) {
    const error = await readFixesFile(connection, file, models);
    if (error !== null) rejected.set(file.relativePath, typeof error === 'string' ? oneLine(error) : error);
  }
  await models.run('fixes/stg_fixes');
  await setVariables(connection, {
    fix_before_days: FIX_REVIEW.beforeDays,
    fix_wait_days: FIX_REVIEW.waitDays,
    fix_after_days: FIX_REVIEW.afterDays,
    fix_min_after_days: FIX_REVIEW.minAfterDays,
  });
  await models.run('fixes/int_fix_counts');
  const counts = await queryRows<CountRow>(connection, 
    "select * exclude (reviewed_on), strftime(reviewed_on, '%Y-%m-%d') as reviewed_on from int_fix_counts order by path, file_row, reviewed_on",
  );
  await inTransaction(connection, async () => {
    await models.run('fixes/fix_verdicts');
    const appender = await connection.createAppender('fix_verdicts', 'main', 'temp');
    for (const row of counts) {
      const review = fixVerdict({
        before: row.before_complaints,
        after: row.after_complaints,
        beforeDays: row.before_days,
        afterDays: row.after_days,
        seasonBefore: row.season_before,
        seasonAfter: row.season_after,
      });
      const finite = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);
      appender.appendVarchar(row.path);
      appender.appendInteger(row.file_row);
      appender.appendDate(DuckDBDateValue.fromParts(dateParts(row.reviewed_on)));
      appender.appendBoolean(review.expectedRatio !== null);
      appendNullable(appender, review.expectedRatio);
      appendNullable(appender, review.verdict === 'too_soon' ? null : review.ratio.estimate);
      appendNullable(appender, review.verdict === 'too_soon' ? null : review.ratio.low);
      appendNullable(appender, review.verdict === 'too_soon' ? null : finite(review.ratio.high));
      appender.appendVarchar(review.verdict);
      appender.appendBoolean(review.reopens);
      appender.endRow();
    }
    appender.closeSync();
    await models.run('fixes/mart_fix_reviews');
  });
  return { files: await fileReports(connection, discovery.fixes, rejected), reviews: await readFixReviews(connection) };
}

function dateParts(day: string): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

function appendNullable(appender: { appendNull(): void; appendDouble(value: number): void }, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendDouble(value);
}

/** Each fixes file's accounting: rows read = reviewed + quarantined, or rejected whole with its reason. */
async function fileReports(connection: DuckDBConnection, files: readonly InputFile[], rejected: ReadonlyMap<string, FileRejection | string>): Promise<FixesFileReport[]> {
  const reasons = await queryRows<{ path: string; reason: string | null; n: number }>(
    connection,
    'select path, problem as reason, count(*)::integer as n from stg_fixes group by all order by path, n desc, reason',
  );
  return files.map(({ relativePath: path }) => {
    const error = rejected.get(path);
    const rows = reasons.filter((row) => row.path === path);
    const quarantined = rows.filter((row) => row.reason !== null);
    const report: FixesFileReport = {
      path,
      status: error === undefined ? 'loaded' : 'rejected',
      rows_read: rows.reduce((sum, row) => sum + row.n, 0),
      reviewed: rows.find((row) => row.reason === null)?.n ?? 0,
      quarantined: quarantined.reduce((sum, row) => sum + row.n, 0),
      quarantine_reasons: Object.fromEntries(quarantined.map((row) => [quarantineReasonText('en', row.reason!), row.n])),
      quarantine_reason_codes: Object.fromEntries(quarantined.map((row) => [row.reason!, row.n])),
    };
    if (error === undefined) return report;
    return typeof error === 'string' ? { ...report, error } : { ...report, error: fileErrorText('en', { rejection: error })!, rejection: error };
  });
}

/** mart_fix_reviews (or a view of it: the reports' scoped one), newest fix first within each hospital, each fix's reviews in date order. */
export async function readFixReviews(connection: DuckDBConnection, relation: 'mart_fix_reviews' | 'report_fix_reviews' = 'mart_fix_reviews'): Promise<FixReviewRow[]> {
  const day = (column: string) => `strftime(${column}, '%Y-%m-%d') as ${column}`;
  const dates = ['fixed_on', 'reviewed_on', 'before_start', 'before_end', 'after_start', 'after_end', 'after_window_end', 'judge_from'];
  return queryRows<FixReviewRow>(
    connection,
    `select * exclude (${dates.join(', ')}, source_file, source_row), ${dates.map(day).join(', ')}
     from ${relation} order by hospital, fixed_on desc, source_file, source_row, reviewed_on`,
  );
}
