import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { normalizeConfig } from '../../pipeline/config.ts';
import { openWarehouse } from '../../pipeline/db.ts';
import { publish } from '../../pipeline/publish/publish.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { BENCH_HISTORY, writeBenchFeedbackCsv, writeBenchSurveyCsv } from '../../data/generator/bench.ts';
import type { HospitalId } from '../../data/generator/model.ts';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import type { WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { formatSeconds } from './measure.ts';
import type { ChildRunResult } from './run-child.ts';

const CHILD = resolve(import.meta.dirname, 'run-child.ts');
/** Where `--import tsx` resolves from, whatever folder the bench was started in. */
const PROJECT = resolve(import.meta.dirname, '../..');

const defaults = {
  /** Survey responses per feedback record: the 1 million records come with 2 million responses. */
  responsesPerRecord: 2,
  /** Each hospital's share of the records, in its own folder (the folder names the hospital); surveys are the Vietnamese hospital's. */
  hospitals: [['cn', 0.45], ['vn', 0.25], ['uk', 0.3]] as const satisfies readonly (readonly [HospitalId, number])[],
  /** The day after the history: the incremental run's new day. */
  newDay: '2026-11-16',
  timezone: 'Asia/Shanghai',
  seed: 20261206,
};

/** Days in the history, for the size of one day's file. */
const HISTORY_DAYS = (Date.parse(BENCH_HISTORY.to) - Date.parse(BENCH_HISTORY.from)) / 86_400_000 + 1;

export interface ScaleRun {
  records: number;
  surveyResponses: number;
  /** The whole `run` from raw files to the published site, on an empty warehouse. */
  run: ChildRunResult;
  /** The next day's run: one new day of records and responses on top of the three years. */
  incrementalDay: ChildRunResult & { newRecords: number };
  /** Publishing alone (site, exports, warnings) from the warehouse the runs left. */
  siteBuildSeconds: number;
}

/**
 * Writes N feedback records over the three years of history into one folder per hospital (its
 * share of N), and 2N survey responses into the Vietnamese hospital's folder; `span` makes a later
 * day's files instead, with ids of their own.
 */
async function writeInput(inputDir: string, records: number, span: { from: string; to: string; idPrefix: string; file: string }): Promise<void> {
  for (const [hospital, share] of defaults.hospitals) {
    await mkdir(join(inputDir, hospital), { recursive: true });
    const spanOf = (kind: string) => ({ from: span.from, to: span.to, idPrefix: `${span.idPrefix}${kind}` });
    await writeBenchFeedbackCsv(join(inputDir, hospital, `feedback-${span.file}.csv`), Math.round(records * share), defaults.seed, [hospital], spanOf('F'));
    if (hospital === 'vn') {
      await writeBenchSurveyCsv(join(inputDir, hospital, `survey-${span.file}.csv`), records * defaults.responsesPerRecord, defaults.seed, spanOf('S'));
    }
  }
}

/** One `hearken run` in a child process (run-child.ts), its stdout's last line parsed. */
export function runInChild(options: { input: string; db: string; out: string }, now: string): Promise<ChildRunResult> {
  const argument = JSON.stringify({ options: { ...options, timezone: defaults.timezone }, now });
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, argument], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((done, fail) => {
    child.once('close', (code) => {
      const last = stdout.trimEnd().split('\n').at(-1) ?? '';
      if (code !== 0) fail(new Error(`bench: the run exited ${code}`));
      else done(JSON.parse(last) as ChildRunResult);
    });
  });
}

/** The site build alone: `publish` from the warehouse, with the summary and warnings the last run published. */
export async function timeSiteBuild(dbPath: string, input: string, publishedDir: string, outDir: string): Promise<number> {
  const config = normalizeConfig({ input, db: dbPath, out: outDir, timezone: defaults.timezone, lang: 'en' });
  const summary = JSON.parse(await readFile(join(publishedDir, 'run-summary.json'), 'utf8')) as RunSummary;
  const warnings = JSON.parse(await readFile(join(publishedDir, 'warnings.json'), 'utf8')) as WarningsFile;
  const warehouse = await openWarehouse(dbPath);
  try {
    await prepareSession(warehouse.connection, config);
    const started = process.hrtime.bigint();
    await publish(warehouse.connection, config, summary, warnings, modelsOfStep(warehouse.connection, 'publish', 'publish'));
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    warehouse.close();
  }
}

const stageLine = (result: ChildRunResult) =>
  Object.entries(result.stages)
    .map(([stage, seconds]) => `${stage} ${formatSeconds(seconds)}, peak ${(result.stagePeakRssMb[stage] ?? 0).toFixed(0)} MB by its end`)
    .join('; ');

/**
 * End to end at one size: N generated feedback records in three hospitals' folders and 2N survey
 * responses, through the whole `hearken run` into an empty warehouse (each stage's wall time, the
 * peak memory of the run's process); then one new day on top of that history (the daily run a
 * quality office makes); then the site build alone on the warehouse that leaves.
 */
export async function benchScale(workDir: string, records: number, log: (line: string) => void): Promise<ScaleRun> {
  await rm(workDir, { recursive: true, force: true });
  const input = join(workDir, 'input');
  const db = join(workDir, 'warehouse.duckdb');
  const out = join(workDir, 'out');
  const surveyResponses = records * defaults.responsesPerRecord;
  log(`scale: generating ${records.toLocaleString('en')} feedback records and ${surveyResponses.toLocaleString('en')} survey responses in ${defaults.hospitals.length} hospitals …`);
  await writeInput(input, records, { ...BENCH_HISTORY, idPrefix: 'H', file: 'history' });

  log(`scale: hearken run on ${records.toLocaleString('en')} records (raw files to published site) …`);
  const run = await runInChild({ input, db, out }, '2026-11-16T04:00:00Z');
  log(`scale: run ${formatSeconds(run.seconds)}, peak ${run.peakRssMb.toFixed(0)} MB (${stageLine(run)})`);

  const newRecords = Math.max(1, Math.round(records / HISTORY_DAYS));
  await writeInput(input, newRecords, { from: defaults.newDay, to: defaults.newDay, idPrefix: 'D', file: defaults.newDay });
  log(`scale: incremental run, one new day (${newRecords.toLocaleString('en')} records, ${(newRecords * defaults.responsesPerRecord).toLocaleString('en')} responses) …`);
  const day = await runInChild({ input, db, out }, '2026-11-17T04:00:00Z');
  log(`scale: incremental day ${formatSeconds(day.seconds)}, peak ${day.peakRssMb.toFixed(0)} MB (${stageLine(day)})`);

  const siteBuildSeconds = await timeSiteBuild(db, input, out, join(workDir, 'site-alone'));
  log(`scale: site build alone ${formatSeconds(siteBuildSeconds)}`);
  await rm(workDir, { recursive: true, force: true });
  return { records, surveyResponses, run, incrementalDay: { ...day, newRecords }, siteBuildSeconds };
}
