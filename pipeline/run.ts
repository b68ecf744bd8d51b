import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from './config.ts';
import { prepareCalendars } from './calendar.ts';
import { caseVariables } from './case-settings.ts';
import { crashPoint } from './crash-point.ts';
import { checkWarehousePath, openWarehouse, queryRows, setVariables, warehouseOptions } from './db.ts';
import { EXIT_USAGE, PipelineError } from './errors.ts';
import { t } from './i18n.ts';
import { checkInputFolder, type Discovery } from './ingest/discover.ts';
import { prepareIncrements } from './increments.ts';
import type { FileReport } from './ingest/ingest.ts';
import { reviewFixes, type FixesFileReport, type FixReviewRow } from './fixes/fixes.ts';
import { reopenedWarnings } from './fixes/reopen.ts';
import { buildHighFrequencyIssues } from './frequency/high-frequency-issues.ts';
import { buildDepartmentKeywords, buildTermKeyness } from './frequency/stage.ts';
import { executePlan, PLAN } from './plan.ts';
import type { Progress } from './progress.ts';
import { checkOutFolder } from './publish/out-folder.ts';
import { publishedFiles, readDataQuality, totalsOf, warehouseCounts, type RunSummary } from './publish/run-summary.ts';
import { buildSatisfactionStatistics, writeSurveyDefinitions } from './satisfaction/stage.ts';
import type { CategoryInferenceReport } from './text/categories.ts';
import type { TextStageResult } from './text/stage.ts';
import { storageFaultError } from './storage-fault.ts';
import { addDays, dateInZone, isoInZone } from './time.ts';
import { detectionSettings } from './warnings/detection-settings.ts';
import { detectSignals, detectorCandidates, openDetectorCells } from './warnings/detector-warnings.ts';
import type { CellSignal } from './warnings/signal-groups.ts';
import { buildWarnings, openWarningIds, readWarningHistory, type WarningCandidate, type WarningHistory, type WarningsFile } from './warnings/warnings.ts';
import { buildSentinelCandidates } from './warnings/sentinel.ts';
import { ingestInput, warehouseSteps } from './warehouse-ingest.ts';

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

/**
 * `hearken run`: every stage of the plan (pipeline/plan.ts): ingest what is new, rebuild the marts,
 * publish the site and the warnings. A damaged warehouse, a full disk or DuckDB out of memory ends it with one line that
 * says what to do; the previous site stays as it was, since publishing swaps a complete new site in or nothing.
 */
export async function run(config: Config, progress: Progress, now: Date = new Date()): Promise<RunResult> {
  try {
    return await runStages(config, progress, now);
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    throw storageFaultError(error, { language: config.language, dbPath: config.dbPath, outDir: config.outDir, memoryLimitMb: config.memoryLimitMb }) ?? error;
  }
}

async function runStages(config: Config, progress: Progress, now: Date): Promise<RunResult> {
  // a day after today would count every open complaint overdue and every month short of days
  const today = dateInZone(now, config.timezone);
  if (config.asOf !== null && config.asOf > today) throw new PipelineError('config', t(config.language, 'config.asOfFuture', { given: config.asOf, today }), EXIT_USAGE);
  // a mistyped --input is the user's to fix (exit 2), even while another run holds the warehouse
  await checkInputFolder(config.inputDir, config.language);
  await checkWarehousePath(config.dbPath, config.inputDir, config.language);
  // refused before any work: a run that cannot publish must not load or analyse either
  await checkOutFolder(config.outDir, { inputDir: config.inputDir, dbPath: config.dbPath }, config.language);
  const warehouse = await openWarehouse(config.dbPath, warehouseOptions(config, progress));
  try {
    const { connection } = warehouse;
    const generatedAt = isoInZone(now, config.timezone);
    const detection = detectionSettings(config.detection);
    // what a step finds, for the steps after it
    let input!: { runId: string; discovery: Discovery; files: FileReport[] };
    let asOf!: string;
    let text!: TextStageResult;
    let categories!: CategoryInferenceReport[];
    let history!: WarningHistory;
    let signals!: CellSignal[];
    let detected!: WarningCandidate[];
    let fixes!: { files: FixesFileReport[]; reviews: FixReviewRow[] };
    let warnings!: WarningsFile;
    let summary!: RunSummary;
    await executePlan(
      connection,
      PLAN.map((stage) => stage.stage),
      {
        ...warehouseSteps(connection, config),
        ingestFiles: async (models) => {
          input = await ingestInput(connection, config, progress, now, models);
        },
        analyseText: async (models) => {
          const { runTextAnalysis } = await import('./text/stage.ts');
          text = await runTextAnalysis(connection, config, progress, models);
        },
        inferCategories: async (models) => {
          const { runCategoryInference } = await import('./text/stage.ts');
          categories = await runCategoryInference(connection, config, progress, models);
        },
        calendars: (models) => prepareCalendars(connection, config, models),
        asOf: async () => {
          asOf = await resolveAsOf(connection, config, today);
          await setVariables(connection, { as_of: asOf, run_id: input.runId, ...caseVariables(config.cases) });
        },
        increments: (models) => prepareIncrements(connection, models),
        termKeyness: async (models) => {
          await buildTermKeyness(connection, models);
        },
        departmentKeywords: (models) => buildDepartmentKeywords(connection, models),
        highFrequencyIssues: (models) => buildHighFrequencyIssues(connection, models),
        surveyDefinitions: (models) => writeSurveyDefinitions(connection, config, models),
        satisfactionStatistics: (models) => buildSatisfactionStatistics(connection, asOf, models),
        detectSignals: async (models) => {
          // the seven days to the as-of date, and the seven before them
          const week = addDays(asOf, -6);
          signals = await detectSignals(connection, models, [addDays(week, -7), week], detection);
        },
        detectorWarnings: async (models) => {
          history = await readWarningHistory(connection);
          detected = [
            ...(await detectorCandidates(connection, models, signals, asOf, openWarningIds(history), detection, openDetectorCells(history))),
            // serious single events: raised by one record, whatever the counts
            ...(await buildSentinelCandidates(connection, models, config, asOf, history)),
          ];
        },
        reviewFixes: async (models) => {
          fixes = await reviewFixes(connection, input.discovery, models);
        },
        raiseWarnings: async (models) => {
          warnings = await buildWarnings(connection, config, asOf, generatedAt, detected, history, input.runId, models, reopenedWarnings(fixes.reviews, history.published));
        },
        runSummary: async () => {
          const published = await publishedFiles(connection, input.files, input.discovery.notRead, fixes.files);
          summary = {
            run_id: input.runId,
            generated_at: generatedAt,
            as_of: asOf,
            files: published.files,
            ignored_files: published.notRead.filter((entry) => entry.reason === 'not_a_table').map((entry) => entry.path),
            not_read: published.notRead,
            totals: totalsOf(input.files),
            records_in_warehouse: await warehouseCounts(connection),
            data_quality: await readDataQuality(connection),
            text: { ...text, categories },
            fixes: published.fixes,
          };
        },
        publish: async (models) => {
          const { publish } = await import('./publish/publish.ts');
          await publish(connection, config, summary, warnings, models);
        },
      },
      {
        started(stage) {
          if (stage === 'marts') progress.start(t(config.language, 'stage.marts'), 1);
          if (stage === 'detect') progress.start(t(config.language, 'stage.detect'), 1);
          if (stage === 'publish') progress.start(t(config.language, 'stage.publish'), 1);
        },
        finished(stage) {
          if (stage === 'satisfaction') crashPoint('marts.built');
          if (stage === 'warnings') crashPoint('warnings.logged');
          if (stage === 'satisfaction' || stage === 'warnings' || stage === 'publish') progress.done();
        },
        // a profile of the run for whoever asks: which model or step the time goes to
        ...(config.verbose ? { timed: (name: string, seconds: number) => progress.info(t(config.language, 'run.timed', { name, seconds: seconds.toFixed(2) })) } : {}),
      },
    );
    return { summary };
  } finally {
    warehouse.close();
  }
}
