import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import { timeZoneOf, type Config } from '../config.ts';
import { crashPoint } from '../crash-point.ts';
import { inTransaction, queryRows, setVariables } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { oneLine } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Progress } from '../progress.ts';
import { isDiskFull } from '../storage-fault.ts';
import { dateInZone } from '../time.ts';
import { planColumns, findMapping } from './columns.ts';
import { kindOfHeader } from './contract.ts';
import { knownChecksum } from './checksum.ts';
import type { Discovery, InputFile } from './discover.ts';
import { fileErrorText, UnreadableFile, type FileRejection } from './file-rejection.ts';
import type { RecodedLine } from './encoding.ts';
import { readRawTable } from './read-raw.ts';
import { stageFile } from './stage-slices.ts';

/** One file's line of the run summary (contract section 6), with a few extra fields. */
export interface FileReport {
  path: string;
  kind: 'feedback' | 'survey' | 'unknown';
  status: 'loaded' | 'skipped_identical' | 'rejected';
  rows_read: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
  /** Rows held back by reason, in the English wording the contract shows (stg_quarantine_reasons). */
  quarantine_reasons: Record<string, number>;
  /** The same by reason code, for people's wording in their language (pipeline/quarantine-reasons.ts) and scripts. */
  quarantine_reason_codes: Record<string, number>;
  /** Why the whole file was rejected, in English (the contract's `error`). */
  error?: string;
  /** The same as a reason code, for each reader's wording (file-rejection.ts); absent for a reader's own failure. */
  rejection?: FileRejection;
  format?: string;
  encoding?: string;
  mapping?: string;
  replaced?: number;
  ignored_columns?: string[];
  /** Lines decoded with another encoding than the file's: how many, and the first of them. */
  recoded_lines?: number;
  recoded_examples?: RecodedLine[];
}

/** Lines of a mixed-encoding file listed in its report; the count covers them all. */
const RECODED_EXAMPLES = 20;

export interface IngestContext {
  config: Config;
  runId: string;
  /** When the run started: a record dated after that day at its hospital is "in the future". */
  now: Date;
  rulesFingerprint: string;
  progress: Progress;
  /** The ingest step's models (pipeline/plan.ts), run per file. */
  models: StepModels;
}

interface PreviousReading {
  file_id: number;
  kind: FileReport['kind'];
  rows_read: number;
  had_future_rows: boolean;
}

/** Reads every discovered file into the warehouse, each in its own transaction. */
export async function ingestFiles(connection: DuckDBConnection, discovery: Discovery, context: IngestContext): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  context.progress.start(t(context.config.language, 'stage.ingest'), discovery.files.length);
  const hospitals = await hospitalsOfFiles(connection, discovery.files, context.config.hospital);
  for (const file of discovery.files) {
    context.progress.tick(file.relativePath);
    reports.push(await ingestFile(connection, file, hospitals.get(file.relativePath) ?? null, context));
    // the file's rows as read and staged would stay in DuckDB's memory to the end of the run
    await context.models.run('load/drop_file_scratch');
  }
  await connection.run('set TimeZone = $zone', { zone: context.config.timezone });
  context.progress.done();
  return reports;
}

/**
 * The hospital of each file's records that name none: its first-level folder, else the config's
 * (hospital_of_path), cleaned. In one statement for all files: binding clean_hospital's
 * personal-data expressions costs about 0.1 CPU-s per statement, whatever the rows.
 */
async function hospitalsOfFiles(connection: DuckDBConnection, files: readonly InputFile[], fallback: string): Promise<Map<string, string | null>> {
  // an empty folder has no files to name, and DuckDB cannot bind an empty list's item type
  if (files.length === 0) return new Map();
  const rows = await queryRows<{ path: string; hospital: string | null }>(
    connection,
    'select path, clean_hospital(hospital_of_path(path, $fallback)) as hospital from unnest($paths::varchar[]) as paths(path)',
    { paths: listValue(files.map((file) => file.relativePath)), fallback },
  );
  return new Map(rows.map((row) => [row.path, row.hospital]));
}

async function previousReading(connection: DuckDBConnection, checksum: string, fingerprint: string): Promise<PreviousReading | null> {
  const [row] = await queryRows<PreviousReading>(
    connection,
    `select f.file_id, f.kind, f.rows_read,
            exists (
                select 1 from quarantine q
                where q.file_id = f.file_id and q.reason in (select code from stg_quarantine_reasons where may_pass_later)
            ) as had_future_rows
     from ingested_files f
     where f.checksum = $checksum and f.rules_fingerprint = $fingerprint and f.status = 'loaded'
     order by f.file_id desc limit 1`,
    { checksum, fingerprint },
  );
  return row ?? null;
}

/** The position of this file version's first reading: newer exports win over re-read old ones. */
async function fileOrder(connection: DuckDBConnection, checksum: string, fileId: number): Promise<number> {
  const [row] = await queryRows<{ first: number | null }>(
    connection,
    'select min(file_id) as first from ingested_files where checksum = $checksum',
    { checksum },
  );
  return row?.first ?? fileId;
}

/** Reads one file; `hospital` is that of its records that name none (hospitalsOfFiles). */
export async function ingestFile(connection: DuckDBConnection, file: InputFile, hospital: string | null, context: IngestContext): Promise<FileReport> {
  const checksum = await knownChecksum(connection, file);
  const previous = await previousReading(connection, checksum, context.rulesFingerprint);
  if (previous && !previous.had_future_rows) {
    return {
      path: file.relativePath,
      kind: previous.kind,
      status: 'skipped_identical',
      rows_read: previous.rows_read,
      loaded: 0,
      duplicates: previous.rows_read,
      quarantined: 0,
      quarantine_reasons: {},
      quarantine_reason_codes: {},
      format: file.format ?? undefined,
    };
  }
  const reject = (kind: FileReport['kind'], error: string | FileRejection, format?: string, encoding?: string) =>
    recordRejected(connection, file, checksum, context, kind, error, format, encoding);
  if (file.unsupported !== undefined || file.format === null) return reject('unknown', { reason: file.unsupported ?? 'rejection.notATable' });
  const format = file.format;
  // said so, not as a header without the contract's columns
  if ((await stat(file.path)).size === 0) return reject('unknown', { reason: 'rejection.empty' }, format);

  const { mappings } = context.config;
  const isHeader = (cells: string[]) => kindOfHeader(cells) !== null || findMapping(file.relativePath, cells, mappings) !== null;
  try {
    // Reading and checking build temp tables only, which die with the process; the warehouse's
    // own tables change in one transaction at the end, so a file lands whole or not at all.
    const note = (step: 'step.reading' | 'step.checking' | 'step.loading') =>
      context.progress.note(`${file.relativePath} · ${t(context.config.language, step)}`);
    note('step.reading');
    const raw = await readRawTable(connection, file, isHeader, context.models);
    const planned = planColumns(file.relativePath, raw.headers, mappings, raw.position);
    if (!planned.ok) return reject(planned.kind, planned.rejection, format, raw.encoding ?? undefined);
    const { plan } = planned;
    const kind = plan.kind;
    const [{ file_id: fileId } = { file_id: 0 }] = await queryRows<{ file_id: number }>(
      connection,
      "select nextval('file_seq')::integer as file_id",
    );
    await setVariables(connection, {
      default_source: file.stem,
      file_id: fileId,
      file_order: await fileOrder(connection, checksum, fileId),
      staged_table: `stg_${kind}`,
      stored_keys: `stored_${kind}_keys`,
    });
    await connection.run('set variable file_hospital = $hospital::varchar', { hospital });
    // the file's hospital-local zone reads its times (see parse_local_timestamp) and says what "today" is
    const zone = timeZoneOf(file.relativePath, context.config);
    await connection.run('set TimeZone = $zone', { zone });
    await connection.run('set variable today = $today::date', { today: dateInZone(context.now, zone) });
    note('step.checking');
    await stageFile(connection, kind, plan.selectList, context.config.ingestSliceRows, context.models);
    await context.models.run('intermediate/int_record_outcome');

    note('step.loading');
    const loaded = await inTransaction(connection, async () => {
      await context.models.run(`load/load_${kind}`);
      await connection.run(
        "insert into quarantine select getvariable('file_id'), file_row, file_line, null, reason, value, getvariable('file_hospital') from raw_broken",
      );
      const [counts] = await queryRows<{ rows: number; loaded: number; replaced: number; duplicates: number }>(
        connection,
        // a valid row that is not loaded is a duplicate: of a stored record or of a later row
        `select (select count(*) from stg_${kind}) + (select count(*) from raw_broken) as rows,
                count(*) filter (where outcome in ('new', 'replaced')) as loaded,
                count(*) filter (where outcome = 'replaced') as replaced,
                (select count(*) from stg_${kind} where problem is null) - loaded as duplicates
         from int_record_outcome`,
      );
      const reasons = await queryRows<{ code: string; reason: string; n: number }>(
        connection,
        `select q.reason as code, coalesce(wording.en, q.reason) as reason, count(*) as n
         from quarantine as q
         left join stg_quarantine_reasons as wording on wording.code = q.reason
         where q.file_id = $fileId
         group by all
         order by n desc, reason`,
        { fileId },
      );
      const report: FileReport = {
        path: file.relativePath,
        kind,
        status: 'loaded',
        rows_read: counts?.rows ?? 0,
        loaded: counts?.loaded ?? 0,
        duplicates: counts?.duplicates ?? 0,
        quarantined: reasons.reduce((sum, r) => sum + r.n, 0),
        quarantine_reasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])),
        quarantine_reason_codes: Object.fromEntries(reasons.map((r) => [r.code, r.n])),
        format,
        encoding: raw.encoding ?? undefined,
        mapping: plan.mapping ?? undefined,
        replaced: counts?.replaced ?? 0,
        ignored_columns: plan.ignoredColumns,
        ...(raw.recoded.length > 0 ? { recoded_lines: raw.recoded.length, recoded_examples: raw.recoded.slice(0, RECODED_EXAMPLES) } : {}),
      };
      await insertFileRow(connection, file, checksum, context, report, fileId);
      crashPoint('ingest.file-transaction');
      return report;
    });
    crashPoint('ingest.file-committed');
    return loaded;
  } catch (error) {
    // a full disk is not the file's fault: the run stops, and the file is read again next time
    if (error instanceof UnreadableFile && !isDiskFull(error)) return reject('unknown', error.rejection ?? error.message, format);
    throw error;
  }
}

async function recordRejected(
  connection: DuckDBConnection,
  file: InputFile,
  checksum: string,
  context: IngestContext,
  kind: FileReport['kind'],
  error: string | FileRejection,
  format?: string,
  encoding?: string,
): Promise<FileReport> {
  const rejection = typeof error === 'string' ? undefined : error;
  const report: FileReport = {
    path: file.relativePath,
    kind,
    status: 'rejected',
    rows_read: 0,
    loaded: 0,
    duplicates: 0,
    quarantined: 0,
    quarantine_reasons: {},
    quarantine_reason_codes: {},
    error: rejection === undefined ? oneLine(error) : fileErrorText('en', { rejection })!,
    ...(rejection === undefined ? {} : { rejection }),
    format,
    encoding,
  };
  await insertFileRow(connection, file, checksum, context, report, null);
  return report;
}

async function insertFileRow(
  connection: DuckDBConnection,
  file: InputFile,
  checksum: string,
  context: IngestContext,
  report: FileReport,
  fileId: number | null,
): Promise<void> {
  await connection.run(
    `insert into ingested_files
     values (coalesce($fileId, nextval('file_seq')), $path, $checksum, $fingerprint, $kind, $format, $encoding, $mapping,
             $status, $rows, $loaded, $replaced, $duplicates, $quarantined, $error,
             from_json($ignored, '["VARCHAR"]'), $runId, now()::timestamp)`,
    {
      fileId,
      path: file.relativePath,
      checksum,
      fingerprint: context.rulesFingerprint,
      kind: report.kind,
      format: report.format ?? null,
      encoding: report.encoding ?? null,
      mapping: report.mapping ?? null,
      status: report.status,
      rows: report.rows_read,
      loaded: report.loaded,
      replaced: report.replaced ?? 0,
      duplicates: report.duplicates,
      quarantined: report.quarantined,
      error: report.error ?? null,
      // as a JSON list: a column name may hold any character, so no separator would do
      ignored: report.ignored_columns?.length ? JSON.stringify(report.ignored_columns) : null,
      runId: context.runId,
    },
  );
}
