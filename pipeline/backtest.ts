import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config, Language } from './config.ts';
import { prepareCalendars } from './calendar.ts';
import { caseVariables } from './case-settings.ts';
import { checkWarehousePath, openWarehouse, setVariables, warehouseOptions } from './db.ts';
import {
  evaluatePlantedOutbreaks,
  plantedEvaluationDefaults,
  PlantedEvaluationError,
  type EvaluationRow,
  type PlantedEvaluation,
  type PlantedEvaluationOptions,
  type WeeklySeries,
} from './detect/planted-evaluation.ts';
import { EXIT_USAGE, PipelineError } from './errors.ts';
import { formatNumber, t } from './i18n.ts';
import { executePlan, martsReadBy } from './plan.ts';
import { prepareIncrements } from './increments.ts';
import type { Progress } from './progress.ts';
import { checkInputFolder } from './ingest/discover.ts';
import { evaluationFileStart, formatEvaluationCsv, formatEvaluationTable, formatKindScoreTable, isMarkdownPath, markedMarkdown } from './publish/evaluation-file.ts';
import { checkOutputFile, writeFileAtomically } from './publish/output-file.ts';
import { ingestInput, warehouseSteps } from './warehouse-ingest.ts';
import { runCategoryInference, runTextAnalysis } from './text/stage.ts';
import { addDays, isCalendarDate, isoInZone } from './time.ts';
import { detectionSettings } from './warnings/detection-settings.ts';
import { detectSignals, detectorCandidates, openDetectorCells, readCellCounts, signalEvidence } from './warnings/detector-warnings.ts';
import type { CellSignal } from './warnings/signal-groups.ts';
import { openWarningIds, raiseWarnings, readWarningStyle, type Warning, type WarningHistory } from './warnings/warnings.ts';
import { loadSentinelLists } from './warnings/sentinel-lists.ts';
import { scanSentinels, sentinelCandidates, sentinelSettings } from './warnings/sentinel.ts';
import { readSatisfactionDrops, readSatisfactionSeries, watchSatisfaction, writeSurveyDefinitions } from './satisfaction/stage.ts';
import type { WarningCandidate } from './warnings/warnings.ts';
import { evaluateKinds, kindEvaluationDefaults, type GroundTruth, type KindScore } from './warnings/kind-evaluation.ts';
import { readPlantedTruth } from './warnings/planted-truth.ts';

export interface BacktestOptions {
  from: string;
  to: string;
  /** The warnings file to write. */
  out: string;
  /** The warehouse to load into and keep (`--db`); null for a temporary one, removed afterwards. */
  warehouse: string | null;
  /**
   * The planted-outbreak evaluation to write as well (`--evaluate`): Markdown if it ends in `.md`,
   * else CSV. Absent or null for none.
   */
  evaluate?: string | null;
  /** Settings of that evaluation; absent ones are plantedEvaluationDefaults. */
  evaluation?: Partial<PlantedEvaluationOptions>;
  /**
   * A planted-truth file to score the replay's warnings on, per kind (`--truth`); absent or null:
   * with `evaluate`, `planted.json` in the input folder when there is one, else none.
   */
  truth?: string | null;
}

/** A backtest warning: the warning as the run of `as_of` would have published it (contract section 4). */
export type BacktestWarning = Warning & { as_of: string };

export interface BacktestFile {
  generated_at: string;
  as_of: string;
  from: string;
  to: string;
  /** The Mondays replayed. */
  runs: number;
  warnings: BacktestWarning[];
}

/** How a backtest file begins (JSON.stringify keeps the order above): only such a file is replaced. */
const BACKTEST_FILE_START = '{\n  "generated_at"';

/** What the evaluation file was made from. */
export interface BacktestEvaluation {
  /** The file written. */
  out: string;
  /** Department × category cells scored. */
  cells: number;
  /** Cells left out: too short to have a week with two years of history (`historyWeeks`). */
  skipped: number;
  /** The last week of the series (its Monday): the week the last replayed run judged. */
  lastWeek: string;
  rows: EvaluationRow[];
}

/** The replay's warnings scored per kind on known problems (evaluateKinds). */
export interface KnownProblemScores {
  /** The planted-truth file. */
  truth: string;
  scores: KindScore[];
}

export interface BacktestResult {
  /** What was written to `out`. */
  file: BacktestFile;
  /** Null without `evaluate`. */
  evaluation: BacktestEvaluation | null;
  /** Null without a planted-truth file. */
  known: KnownProblemScores | null;
}

/** The planted-truth file to score on: the one given, else with `evaluate` the input folder's planted.json where it exists. */
function truthPath(config: Config, options: BacktestOptions): string | null {
  if (options.truth) return options.truth;
  const inInput = join(config.inputDir, 'planted.json');
  return options.evaluate && existsSync(inInput) ? inInput : null;
}

/**
 * Department × category cell-weeks the replay judged, per hospital: each cell's weeks among the
 * last `weeks` up to `lastWeek` that fall after its series began. The false-alarm rate's
 * denominator, as in the planted-outbreak evaluation.
 */
async function judgedCellWeeks(connection: DuckDBConnection, lastWeek: string, weeks: number): Promise<Map<string, number>> {
  const judged = new Map<string, number>();
  for (const { cell, counts } of await readCellCounts(connection, lastWeek, 'department')) {
    const hospital = (JSON.parse(cell) as string[])[0]!;
    judged.set(hospital, (judged.get(hospital) ?? 0) + Math.min(counts.length, weeks));
  }
  return judged;
}

/** The Mondays from `from` to `to`, both included. */
function mondaysBetween(from: string, to: string): string[] {
  const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const first = addDays(from, (7 - weekday) % 7);
  const mondays: string[] = [];
  for (let monday = first; monday <= to; monday = addDays(monday, 7)) mondays.push(monday);
  return mondays;
}

/** `evaluatePlantedOutbreaks`, with a setting out of range reported as the user's to fix, in their language. */
function plantedEvaluation(series: readonly WeeklySeries[], options: Partial<PlantedEvaluationOptions>, language: Language): PlantedEvaluation {
  try {
    return evaluatePlantedOutbreaks(series, options);
  } catch (error) {
    if (error instanceof PlantedEvaluationError) {
      throw new PipelineError('backtest', t(language, 'backtest.evaluateSetting', { reason: t(language, error.key, error.values) }), EXIT_USAGE);
    }
    throw error;
  }
}

function checkDate(name: string, value: string, language: Language): void {
  if (!isCalendarDate(value)) {
    throw new PipelineError('backtest', t(language, 'backtest.notDate', { name, value }), EXIT_USAGE);
  }
}

/**
 * `hearken backtest` (contract section 2): loads the input into a warehouse (`--db`, or a
 * temporary one), then replays every Monday from `from` to `to`: the detector warnings a run on
 * that Monday would have raised from the data up to the Sunday before, each with that `as_of`,
 * and the lifecycle carried from one Monday to the next, as the warning log carries it between
 * runs. The detectors only ever read weeks up to the one they judge; the text stage's learned
 * statistics and category model are fitted once on the whole input, which a run of the time
 * could not have done. The detector kinds are replayed (spike, hotspot, emerging_term), the
 * sentinels, each in the run of the week its record was received (the first run that sees it),
 * and satisfaction_drop, on the months and weeks that ended by the Sunday (watchSatisfaction);
 * a complaint's handling state is known as exported, not as it stood then.
 *
 * With `evaluate`, it then plants synthetic outbreaks into the department × category series up to
 * the last week replayed and scores every detector at every setting on them
 * (`evaluatePlantedOutbreaks`), so a hospital can choose its alphas on its own history.
 * With a planted-truth file (`truth`, or the input folder's planted.json with `evaluate`), the
 * replay's warnings are scored per kind on its known problems (`evaluateKinds`): `known`, and the
 * first section of a Markdown evaluation.
 */
export async function runBacktest(config: Config, options: BacktestOptions, progress: Progress, now: Date = new Date()): Promise<BacktestResult> {
  checkDate('from', options.from, config.language);
  checkDate('to', options.to, config.language);
  if (options.from > options.to) throw new PipelineError('backtest', t(config.language, 'backtest.fromAfterTo', { from: options.from, to: options.to }), EXIT_USAGE);
  await checkInputFolder(config.inputDir, config.language);
  if (options.warehouse !== null) await checkWarehousePath(options.warehouse, config.inputDir, config.language);
  const mondays = mondaysBetween(options.from, options.to);
  if (mondays.length === 0) throw new PipelineError('backtest', t(config.language, 'backtest.noMonday', { from: options.from, to: options.to }), EXIT_USAGE);
  const evaluationOptions = options.evaluation ?? {};
  // settings out of range and outputs that cannot be written stop the backtest now, not after the load
  if (options.evaluate) plantedEvaluation([], evaluationOptions, config.language);
  const guard = { inputDir: config.inputDir, warehouse: options.warehouse };
  await checkOutputFile(options.out, '--out', { ...guard, writtenStart: BACKTEST_FILE_START }, config.language);
  if (options.evaluate) await checkOutputFile(options.evaluate, '--evaluate', { ...guard, writtenStart: evaluationFileStart(options.evaluate), otherOutput: options.out }, config.language);
  const truthFile = truthPath(config, options);
  const truth: GroundTruth | null = truthFile === null ? null : await readPlantedTruth(truthFile, config.language);

  const scratch = options.warehouse === null ? await mkdtemp(join(tmpdir(), 'hearken-backtest-')) : null;
  const warehouse = await openWarehouse(options.warehouse ?? join(scratch!, 'backtest.duckdb'), warehouseOptions(config, progress));
  try {
    const { connection } = warehouse;
    const detection = detectionSettings(config.detection);
    const lastAsOf = addDays(mondays.at(-1)!, -1);
    let signals!: CellSignal[];
    let runId!: string;
    const warnings: BacktestWarning[] = [];
    // each Monday's satisfaction_drop candidates, by its as-of date
    const drops = new Map<string, WarningCandidate[]>();
    // with --verbose, each model's and step's time summed over the Mondays, told once at the end
    const times = new Map<string, number>();
    // the plan up to the detectors, with the satisfaction watch and the detector steps replayed for
    // every Monday; of the marts only those the satisfaction and detect stages read
    await executePlan(
      connection,
      ['warehouse', 'ingest', 'text', 'marts', 'satisfaction', 'detect'],
      {
        ...warehouseSteps(connection, config),
        ingestFiles: async (models) => {
          ({ runId } = await ingestInput(connection, config, progress, now, models));
        },
        analyseText: async (models) => {
          await runTextAnalysis(connection, config, progress, models);
        },
        inferCategories: async (models) => {
          await runCategoryInference(connection, config, progress, models);
        },
        calendars: (models) => prepareCalendars(connection, config, models),
        asOf: () => setVariables(connection, { as_of: lastAsOf, ...caseVariables(config.cases) }),
        increments: (models) => prepareIncrements(connection, models),
        surveyDefinitions: (models) => writeSurveyDefinitions(connection, config, models),
        satisfactionStatistics: async (models) => {
          const series = await readSatisfactionSeries(connection);
          let charted: string | null = null;
          for (const monday of mondays) {
            const asOf = addDays(monday, -1);
            charted = await watchSatisfaction(connection, series, asOf, models, { charted, judgedOnly: true });
            drops.set(asOf, await readSatisfactionDrops(connection));
          }
        },
        detectSignals: async (models) => {
          const weeks = [...new Set(mondays.flatMap((monday) => [addDays(monday, -14), addDays(monday, -7)]))];
          signals = await detectSignals(connection, models, weeks, detection);
        },
        detectorWarnings: async (models) => {
          const style = await readWarningStyle(connection, config.language);
          // every record a replayed run could raise as a sentinel, matched once
          const sentinel = sentinelSettings(config.detection);
          const sentinelFrom = addDays(mondays[0]!, -1 - sentinel.lateDays - sentinel.recentDays - sentinel.groupDays);
          const sentinels = await scanSentinels(connection, models, loadSentinelLists(config), sentinelFrom, lastAsOf);
          // every signal's complaints, read once for all the Mondays' warnings
          const evidence = await signalEvidence(connection, models, signals);
          let history: WarningHistory = { log: [], published: new Map() };
          for (const monday of mondays) {
            progress.tick(monday);
            const asOf = addDays(monday, -1);
            const detected = await detectorCandidates(connection, models, signals, asOf, openWarningIds(history), detection, openDetectorCells(history), evidence);
            const raised = raiseWarnings([...detected, ...sentinelCandidates(sentinels, asOf, history, sentinel), ...(drops.get(asOf) ?? [])], history, asOf, style, runId);
            history = raised.history;
            for (const warning of raised.warnings) warnings.push({ ...warning, as_of: asOf });
          }
        },
      },
      {
        started(stage) {
          if (stage === 'marts') progress.start(t(config.language, 'stage.marts'), 1);
          if (stage === 'detect') progress.start(t(config.language, 'stage.detect'), mondays.length);
        },
        finished(stage) {
          // the marts' progress line covers the satisfaction watch, as in a run
          if (stage === 'satisfaction' || stage === 'detect') progress.done();
        },
        ...(config.verbose ? { timed: (name: string, seconds: number) => times.set(name, (times.get(name) ?? 0) + seconds) } : {}),
        marts: martsReadBy(['satisfaction', 'detect']),
      },
    );
    for (const [name, seconds] of times) progress.info(t(config.language, 'run.timed', { name, seconds: seconds.toFixed(2) }));

    const file: BacktestFile = {
      generated_at: isoInZone(now, config.timezone),
      as_of: lastAsOf,
      from: options.from,
      to: options.to,
      runs: mondays.length,
      warnings,
    };
    await writeFileAtomically(options.out, `${JSON.stringify(file, null, 2)}\n`);
    const lastWeek = addDays(mondays.at(-1)!, -7);
    const known = truth === null ? null : { truth: truthFile!, scores: evaluateKinds(warnings, truth, await judgedCellWeeks(connection, lastWeek, mondays.length)) };
    if (!options.evaluate) return { file, evaluation: null, known };

    const series = await readCellCounts(connection, lastWeek, 'department');
    // one call per size, to tick between them: each size draws its own streams, so the rows are
    // those of one call over every size
    const sizes = [...new Set(evaluationOptions.sizes ?? plantedEvaluationDefaults.sizes)].sort((a, b) => a - b);
    const rows: EvaluationRow[] = [];
    let skipped = 0;
    progress.start(t(config.language, 'stage.evaluate', { cells: formatNumber(config.language, series.length) }), sizes.length);
    for (const size of sizes) {
      progress.tick(`k = ${size}`);
      const result = plantedEvaluation(series, { ...evaluationOptions, sizes: [size] }, config.language);
      rows.push(...result.rows);
      skipped = result.skipped.length;
    }
    progress.done();
    const evaluation: BacktestEvaluation = { out: options.evaluate, cells: series.length - skipped, skipped, lastWeek, rows };
    await writeFileAtomically(options.evaluate, isMarkdownPath(options.evaluate) ? markedMarkdown(evaluationMarkdown(evaluation, file, config, known)) : formatEvaluationCsv(rows));
    return { file, evaluation, known };
  } finally {
    warehouse.close();
    if (scratch !== null) await rm(scratch, { recursive: true, force: true });
  }
}

/** The per-kind scores for people: what they were scored on, then the table. */
export function knownProblemsMarkdown(known: KnownProblemScores, config: Config): string {
  const preface = t(config.language, 'evaluation.kinds.preface', { truth: known.truth, days: kindEvaluationDefaults.recallDays, sentinelDays: kindEvaluationDefaults.sentinelDays });
  return `${preface}\n\n${formatKindScoreTable(known.scores, config.language)}`;
}

/** The evaluation for people: the scores on known problems where there are some, what the outbreaks were planted into, then their table. */
function evaluationMarkdown(evaluation: BacktestEvaluation, file: BacktestFile, config: Config, known: KnownProblemScores | null): string {
  const preface = t(config.language, 'evaluation.preface', {
    cells: formatNumber(config.language, evaluation.cells),
    skipped: formatNumber(config.language, evaluation.skipped),
    last: addDays(evaluation.lastWeek, 6),
    input: config.inputDir,
    generated: file.generated_at,
  });
  const planted = `${preface}\n\n${formatEvaluationTable(evaluation.rows, config.language)}`;
  return known === null ? planted : `${knownProblemsMarkdown(known, config)}\n${planted}`;
}
