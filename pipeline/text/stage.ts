import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Config } from '../config.ts';
import { crashPoint } from '../crash-point.ts';
import { t } from '../i18n.ts';
import type { Progress } from '../progress.ts';
import { inTransaction, queryRows, setVariables } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { workerCount, WorkerPool } from '../workers.ts';
import { analyseTask, createRecordAnalyzer, taskSlices, type AnalyzeTask, type TextSetup } from './analyze.ts';
import { inferCategories, type CategoryInferenceReport } from './categories.ts';
import { checkShippedCategoryLexicons } from './category-lexicon.ts';
import { currentLearnedStatistics } from './learned-statistics.ts';
import type { Language } from './types.ts';
import { TEXT_DATA_DIR } from './word-lists.ts';

const defaults = {
  /** Records read from the warehouse at a time; each batch is split across the threads. */
  batchRecords: 20_000,
  /** Texts per task sent to one thread. */
  taskTexts: 1_000,
  /**
   * Up to this many pending records (one batch) are read on the main thread: two threads would
   * halve the analysing (about 22 µs of CPU a Chinese text) but cost about half a second to
   * start, and a single batch leaves no storing to overlap. Measured at 5,000, 20,000 and 50,000
   * texts: on this thread the stage took less CPU at every size (see BENCHMARKS, "Text stage").
   */
  inProcessRecords: 20_000,
} as const;

/** Analyses batches of texts, on worker threads or on this one. */
interface TextReader {
  read(task: AnalyzeTask): Promise<void>;
  close(): Promise<void>;
}

// the main thread's analyzer, kept between runs of one process (tests run many)
let local: { key: string; analyze: ReturnType<typeof createRecordAnalyzer> } | null = null;

async function textReader(setup: TextSetup, pending: number): Promise<TextReader> {
  if (pending > defaults.inProcessRecords) {
    const pool = await WorkerPool.start<AnalyzeTask, void>(new URL('./analyze-worker.ts', import.meta.url), workerCount(Math.ceil(pending / defaults.taskTexts)), setup);
    return { read: (task) => pool.run(task), close: () => pool.close() };
  }
  const key = JSON.stringify(setup);
  if (local?.key !== key) local = { key, analyze: createRecordAnalyzer(setup) };
  const { analyze } = local;
  return { read: async (task) => analyseTask(analyze, task), close: async () => {} };
}

/** The modules whose code decides a record's terms: editing one re-reads every record. */
const ANALYZER_MODULES = ['analyze.ts', 'chinese.ts', 'vietnamese.ts', 'english.ts', 'language.ts', 'category-lexicon.ts', 'word-lists.ts'];

export interface TextStageResult {
  /** Records read this run (new, changed, or re-read after a dictionary change). */
  analysed: number;
  /** Records of each language in the warehouse. */
  languages: Record<Language, number>;
}

/**
 * A digest of everything that decides what the text stage makes of a record: the dictionaries and
 * stop-word lists under data/text, the analyzer code, jieba's version and the learned collocations.
 */
export function analyzerFingerprint(setup: TextSetup): string {
  const hash = createHash('sha256');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
      .sort();
  // the sentinel lists are read by the warning stage on raw text, not by the analyzer
  const sentinelLists = join(TEXT_DATA_DIR, 'sentinel');
  for (const path of files(TEXT_DATA_DIR).filter((path) => !path.startsWith(sentinelLists))) hash.update(path.slice(TEXT_DATA_DIR.length)).update(readFileSync(path));
  for (const module of ANALYZER_MODULES) hash.update(readFileSync(resolve(import.meta.dirname, module)));
  hash.update(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../node_modules/@node-rs/jieba/package.json'), 'utf8')).version);
  hash.update(JSON.stringify(setup));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The text stage: reads every feedback record the current analyzer has not read, in batches
 * across worker threads, and stores its language, its distinct terms and its category lexicon hits
 * in text_analyses (record_terms is its view). Each batch commits on its own, so a stopped run
 * keeps what it finished.
 */
export async function analyseFeedbackText(
  connection: DuckDBConnection,
  progress: Pick<Progress, 'start' | 'tick' | 'done'>,
  label: string,
  models: StepModels,
): Promise<TextStageResult> {
  const setup: TextSetup = await currentLearnedStatistics(connection, models);
  const analyzer = analyzerFingerprint(setup);
  await setVariables(connection, { text_analyzer: analyzer });
  await models.run('text/pending_text');
  const [{ pending } = { pending: 0 }] = await queryRows<{ pending: number }>(connection, 'select count(*) as pending from pending_text');
  if (pending > 0) {
    await models.run('text/clear_pending_text');
    const reader = await textReader(setup, pending);
    const scratch = await mkdtemp(join(tmpdir(), 'hearken-text-'));
    progress.start(label, Math.ceil(pending / defaults.batchRecords));
    try {
      const batches: { first: number; last: number }[] = [];
      for (let first = 1; first <= pending; first += defaults.batchRecords) batches.push({ first, last: Math.min(first + defaults.batchRecords - 1, pending) });
      // DuckDB writes each batch's texts to a file the threads read their slices of
      const start = async ({ first, last }: { first: number; last: number }) => {
        const textsFile = join(scratch, `${first}.json`);
        await setVariables(connection, { texts_file: textsFile, first_seq: first, last_seq: last });
        await models.run('text/export_text_batch');
        const tasks = taskSlices(await readFile(textsFile), defaults.taskTexts).map(({ start, end }, index) => ({
          textsFile,
          start,
          end,
          analysisFile: join(scratch, `${first}-${index}.tsv`),
        }));
        const analysing = Promise.all(tasks.map((task) => reader.read(task)));
        analysing.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
        return { first, last, tasks, analysing };
      };
      // two batches in flight: the threads analyse the next one while this thread stores the last
      const inFlight: Awaited<ReturnType<typeof start>>[] = [];
      for (const batch of batches.slice(0, 2)) inFlight.push(await start(batch));
      for (let index = 0; inFlight.length > 0; index++) {
        const current = inFlight.shift()!;
        await current.analysing;
        const following = batches[index + 2];
        if (following !== undefined) inFlight.push(await start(following));
        await inTransaction(connection, () => storeBatch(connection, current, models));
        crashPoint('text.batch-stored');
        progress.tick(`${current.last}/${pending}`);
      }
    } finally {
      await reader.close();
      await rm(scratch, { recursive: true, force: true });
    }
    progress.done();
  }
  const languages = { zh: 0, vi: 0, en: 0 };
  for (const row of await queryRows<{ lang: Language; records: number }>(connection, 'select lang, count(*) as records from text_analyses group by lang')) languages[row.lang] = row.records;
  await models.run('text/drop_text_scratch');
  return { analysed: pending, languages };
}

/** One batch's analyses into text_analyses, loaded from the files the threads wrote. */
async function storeBatch(connection: DuckDBConnection, batch: { first: number; last: number; tasks: AnalyzeTask[] }, models: StepModels): Promise<void> {
  await setVariables(connection, {
    analysis_files: listValue(batch.tasks.map((task) => task.analysisFile)),
    first_seq: batch.first,
    last_seq: batch.last,
  });
  await models.run('text/store_text_batch');
}

export interface TextSummary extends TextStageResult {
  categories: CategoryInferenceReport[];
}

/** The text stage's first step in a run, with its progress: terms of every unread record. */
export async function runTextAnalysis(connection: DuckDBConnection, config: Config, progress: Progress, models: StepModels): Promise<TextStageResult> {
  checkShippedCategoryLexicons(config.language);
  return analyseFeedbackText(connection, progress, t(config.language, 'stage.text'), models);
}

/** The text stage's second step in a run, with its progress: categories of the records without one. */
export async function runCategoryInference(connection: DuckDBConnection, config: Config, progress: Progress, models: StepModels): Promise<CategoryInferenceReport[]> {
  progress.start(t(config.language, 'stage.categories'), 1);
  const categories = await inferCategories(connection, models);
  progress.done();
  return categories;
}
