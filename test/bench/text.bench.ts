import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeConfig } from '../../pipeline/config.ts';
import { openWarehouse, queryRows } from '../../pipeline/db.ts';
import { discoverInputFiles } from '../../pipeline/ingest/discover.ts';
import { ingestFiles } from '../../pipeline/ingest/ingest.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { rulesFingerprint } from '../../pipeline/ingest/reference.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';
import { writeBenchFeedbackCsv } from '../../data/generator/bench.ts';
import { hospitalJieba, learnChineseWords, type LearnedChineseWords } from '../../pipeline/text/chinese.ts';
import { analyseFeedbackText, runCategoryInference } from '../../pipeline/text/stage.ts';
import { formatSeconds, timeAlternating, type CpuTiming } from './measure.ts';

/** Median and rounds of one contender, in wall and in CPU seconds. */
interface TextTiming {
  median: number;
  runs: number[];
  megabytesPerSecond: number;
  cpuMedian: number;
  cpuRuns: number[];
}

export interface TextBenchResult {
  records: number;
  textBytes: number;
  bareSegmenter: TextTiming;
  textStage: TextTiming;
  withCategories: TextTiming;
  /** Text stage throughput over the bare segmenter's: the target is at least 0.7. */
  ratio: number;
  /** The same in CPU seconds of the process (worker and DuckDB threads included): the fairer figure on a shared machine. */
  cpuRatio: number;
}

/**
 * Chinese text throughput: hearken's text stage (read pending records from the warehouse, detect
 * the language, segment with jieba and the hospital dictionary on worker threads, drop stop words,
 * store terms and lexicon hits, commit) on N generated Chinese complaints, against the bare
 * segmenter (the same jieba with the same dictionaries, the words the stage learns from these texts
 * included, `cut` with HMM as the stage cuts, one thread) on the same texts held in memory. Also timed: the stage with category inference (training the classifier
 * on the labelled records and labelling the rest). All contenders run in alternation; the stage
 * starts each time from the same freshly loaded warehouse.
 */
export async function benchText(workDir: string, records: number, repeats: number, log: (line: string) => void): Promise<TextBenchResult> {
  const inputDir = join(workDir, 'input');
  await mkdir(inputDir, { recursive: true });
  log(`text: generating ${records.toLocaleString('en')} Chinese feedback rows …`);
  await writeBenchFeedbackCsv(join(inputDir, 'feedback.csv'), records, 20261123, ['cn']);
  const loadedDb = join(workDir, 'loaded.duckdb');
  const stageDb = join(workDir, 'stage.duckdb');
  const config = normalizeConfig({ input: inputDir, db: loadedDb, out: join(workDir, 'out'), timezone: 'Asia/Shanghai' });
  const warehouse = await openWarehouse(loadedDb);
  let texts: string[];
  let learned: LearnedChineseWords;
  try {
    await prepareSession(warehouse.connection, config);
    const ingestModels = modelsOfStep(warehouse.connection, 'ingest', 'ingestFiles');
    await ingestFiles(warehouse.connection, await discoverInputFiles(inputDir), {
      config,
      models: ingestModels,
      runId: 'bench',
      now: new Date('2026-11-23T04:00:00Z'),
      rulesFingerprint: rulesFingerprint(config, ingestModels),
      progress: silentProgress,
    });
    await warehouse.connection.run('checkpoint');
    texts = (await queryRows<{ text: string }>(warehouse.connection, 'select coalesce(text_redacted, text_raw) as text from feedback_records')).map((row) => row.text);
    // the words the stage will learn from the same corpus, so the bare segmenter cuts with the stage's dictionary
    await modelsOfStep(warehouse.connection, 'text', 'analyseText').run('text/learning_corpus');
    const corpus = await queryRows<{ text_redacted: string }>(warehouse.connection, "select text_redacted from learning_corpus where lang = 'zh'");
    learned = learnChineseWords(corpus.map((row) => row.text_redacted));
  } finally {
    warehouse.close();
  }
  const textBytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  log(`text: ${texts.length.toLocaleString('en')} texts, ${(textBytes / 1e6).toFixed(1)} MB of UTF-8, ${learned.length} words learned`);

  const jieba = hospitalJieba(learned);
  const freshStage = async () => {
    await rm(stageDb, { force: true });
    await rm(`${stageDb}.wal`, { force: true });
    await copyFile(loadedDb, stageDb);
  };
  const stage = (withCategories: boolean) => async () => {
    const opened = await openWarehouse(stageDb);
    try {
      await prepareSession(opened.connection, { ...config, dbPath: stageDb });
      const result = await analyseFeedbackText(opened.connection, silentProgress, 'text', modelsOfStep(opened.connection, 'text', 'analyseText'));
      if (withCategories) await runCategoryInference(opened.connection, config, silentProgress, modelsOfStep(opened.connection, 'text', 'inferCategories'));
      if (result.analysed !== texts.length) throw new Error(`bench: the stage read ${result.analysed} of ${texts.length} records`);
    } finally {
      opened.close();
    }
  };

  log(`text: timing ${repeats} rounds (bare jieba, text stage, text stage with categories) …`);
  const [bare, analysis, categories] = await timeAlternating(repeats, [
    {
      label: 'bare jieba',
      run: async () => {
        for (const text of texts) jieba.cut(text, true);
      },
    },
    { label: 'text stage', prepare: freshStage, run: stage(false) },
    { label: 'text stage with categories', prepare: freshStage, run: stage(true) },
  ]);
  if (!bare || !analysis || !categories) throw new Error('bench: missing timings');
  const rate = (seconds: number) => textBytes / 1e6 / seconds;
  const timing = ({ median, runs, cpuMedian, cpuRuns }: CpuTiming) => ({ median, runs, cpuMedian, cpuRuns });
  const result: TextBenchResult = {
    records: texts.length,
    textBytes,
    bareSegmenter: { ...timing(bare), megabytesPerSecond: rate(bare.median) },
    textStage: { ...timing(analysis), megabytesPerSecond: rate(analysis.median) },
    withCategories: { ...timing(categories), megabytesPerSecond: rate(categories.median) },
    ratio: bare.median / analysis.median,
    cpuRatio: bare.cpuMedian / analysis.cpuMedian,
  };
  const cpu = (t: CpuTiming) => `${formatSeconds(t.cpuMedian)} CPU`;
  log(`text: bare jieba ${formatSeconds(bare.median)} (${rate(bare.median).toFixed(2)} MB/s), ${cpu(bare)}`);
  log(`text: text stage ${formatSeconds(analysis.median)} (${rate(analysis.median).toFixed(2)} MB/s), ${cpu(analysis)}, ratio ${result.ratio.toFixed(2)} (target ≥ 0.7), in CPU ${result.cpuRatio.toFixed(2)}`);
  log(`text: with category inference ${formatSeconds(categories.median)} (${rate(categories.median).toFixed(2)} MB/s), ${cpu(categories)}`);
  return result;
}
