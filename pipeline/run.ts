import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from './config.ts';
import { prepareCalendars } from './calendar.ts';
import { caseVariables } from './case-settings.ts';
import { crashPoint } from './crash-point.ts';
import { openWarehouse, queryRows, runModel, setVariables } from './db.ts';
import { t } from './i18n.ts';
import { checkInputFolder, discoverInputFiles } from './ingest/discover.ts';
import { ingestFiles } from './ingest/ingest.ts';
import { buildMarts, prepareWarehouse } from './models.ts';
import type { Progress } from './progress.ts';
import { checkOutFolder } from './publish/out-folder.ts';
import { publish } from './publish/publish.ts';
import { runTextStage } from './text/stage.ts';
import { buildHighFrequencyIssues } from './frequency/high-frequency-issues.ts';
import { buildDepartmentKeywords, buildTermKeyness } from './frequency/stage.ts';
import { buildSatisfaction } from './satisfaction.ts';
import { loadReferenceTables, rulesFingerprint } from './reference.ts';
import { publishedFiles, readDataQuality, totalsOf, warehouseCounts, type RunSummary } from './summary.ts';
import { addDays, dateInZone, isoInZone } from './time.ts';
import { detectSignals, detectorCandidates } from './warnings/detector-warnings.ts';
import { buildWarnings, openWarningIds, readWarningHistory } from './warnings/warnings.ts';

export interface RunResult {
  summary: RunSummary;
}

/** The analysis date: as given, else the day of the newest record, never after today. */
async function resolveAsOf(connection: DuckDBConnection, config: Config, today: string): Promise<string> {
  if (config.asOf) return config.asOf;
  const [row] = await queryRows<{ newest: string | null }>(
    connection,
    `select strftime(greatest((select max(received_at) from feedback_records), (select max(submitted_at) from survey_responses)), '%Y-%m-%d') as newest`,
  );
  const newest = row?.newest ?? null;
  return newest !== null && newest < today ? newest : today;
}

/** Readies a warehouse connection for ingest: time zone, macros, landing tables, reference tables. */
export async function prepareSession(connection: DuckDBConnection, config: Config): Promise<void> {
  // naive times are hospital-local: the session zone makes casts and dates read them so
  await connection.run('set TimeZone = $zone', { zone: config.timezone });
  await prepareWarehouse(connection);
  await loadReferenceTables(connection, config);
  await runModel(connection, 'staging/stg_value_aliases');
}

/** Ingests everything new in the input folder: what `run` and `backtest` both start with. */
export async function ingestInput(connection: DuckDBConnection, config: Config, progress: Progress, now: Date) {
  const runId = randomUUID();
  const discovery = await discoverInputFiles(config.inputDir);
  const files = await ingestFiles(connection, discovery, { config, runId, now, rulesFingerprint: rulesFingerprint(config), progress });
  return { runId, discovery, files };
}

/** `hearken run`: ingest what is new, rebuild the marts, publish the site and the warnings. */
export async function run(config: Config, progress: Progress, now: Date = new Date()): Promise<RunResult> {
  // a mistyped --input is the user's to fix (exit 2), even while another run holds the warehouse
  await checkInputFolder(config.inputDir);
  // refused before any work: a run that cannot publish must not load or analyse either
  await checkOutFolder(config.outDir, { inputDir: config.inputDir, dbPath: config.dbPath }, config.language);
  const warehouse = await openWarehouse(config.dbPath, { waitSeconds: config.waitSeconds, onWait: (message) => progress.info(message) });
  try {
    const { connection } = warehouse;
    await prepareSession(connection, config);

    const { runId, discovery, files } = await ingestInput(connection, config, progress, now);
    const today = dateInZone(now, config.timezone);
    const asOf = await resolveAsOf(connection, config, today);
    const text = await runTextStage(connection, config, progress);
    progress.start(t(config.language, 'stage.marts'), 1);
    await prepareCalendars(connection, config);
    await setVariables(connection, { as_of: asOf, ...caseVariables(config.cases) });
    await buildMarts(connection);
    await buildTermKeyness(connection);
    await buildDepartmentKeywords(connection);
    await buildHighFrequencyIssues(connection);
    await buildSatisfaction(connection, config, asOf);
    crashPoint('marts.built');
    progress.done();

    const published = await publishedFiles(connection, files, discovery.notRead);
    const summary: RunSummary = {
      run_id: runId,
      generated_at: isoInZone(now, config.timezone),
      as_of: asOf,
      files: published.files,
      ignored_files: published.notRead.filter((entry) => entry.reason === 'not_a_table').map((entry) => entry.path),
      not_read: published.notRead,
      totals: totalsOf(files),
      records_in_warehouse: await warehouseCounts(connection),
      data_quality: await readDataQuality(connection),
      text,
    };
    progress.start(t(config.language, 'stage.detect'), 1);
    const history = await readWarningHistory(connection);
    // the seven days to the as-of date, and the seven before them
    const week = addDays(asOf, -6);
    const signals = await detectSignals(connection, [addDays(week, -7), week], config.detection);
    const detected = await detectorCandidates(connection, signals, asOf, openWarningIds(history), config.detection);
    const warnings = await buildWarnings(connection, config, asOf, summary.generated_at, detected, history);
    crashPoint('warnings.logged');
    progress.done();
    progress.start(t(config.language, 'stage.publish'), 1);
    await publish(connection, config, summary, warnings);
    progress.done();
    return { summary };
  } finally {
    warehouse.close();
  }
}
