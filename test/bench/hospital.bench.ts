import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BENCH_HISTORY, writeBenchFeedbackCsv } from '../../data/generator/bench.ts';
import { withDebianPackages } from './debian-packages.ts';
import { formatSeconds, timeAlternating, type Timing } from './measure.ts';

const PROJECT = resolve(import.meta.dirname, '../..');
const WORD_COUNT = resolve(import.meta.dirname, 'reference/word-count.ts');
const PANDAS_SCRIPT = resolve(import.meta.dirname, 'reference/word_count.py');

const defaults = {
  /** The day after the history, as the scale bench's run sees it. */
  asOf: '2026-11-16',
  timezone: 'Asia/Shanghai',
  seed: 20261207,
};

export interface HospitalBenchResult {
  records: number;
  /** `hearken run` from the raw file to the published site, into an empty warehouse: wall time from start to exit. */
  run: Timing;
  /** The bare script in this stack (reference/word-count.ts): read_csv, jieba, a word count. */
  wordCount: Timing;
  /** The analyst's pandas + jieba script (reference/word_count.py); null where Python's pandas and jieba are not installed. */
  pandas: Timing | null;
  /** run ÷ word count, medians (target ≤ 1). */
  vsScript: number;
  /** run ÷ the pandas script, medians; null without it. */
  vsPandas: number | null;
}

/** Runs a command to its end; rejects on a non-zero exit, with what it wrote on stderr. */
function runToEnd(command: string, args: readonly string[]): Promise<void> {
  const child = spawn(command, args, { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? done() : fail(new Error(`bench: ${command} ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1)}`))));
  });
}

/**
 * A Python with pandas and jieba: the one on the PATH, else Debian's own (a pyenv or virtualenv on
 * the PATH does not see Debian's packages), installed from Debian's packages when the machine
 * lacks them and the bench runs as root; null when there is none.
 */
function pandasPython(log: (line: string) => void): string | null {
  const probe = () => ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import pandas, jieba'], { stdio: 'ignore' }).status === 0) ?? null;
  return withDebianPackages(probe, ['python3-pandas', 'python3-jieba'], () => log('hospital: installing python3-pandas and python3-jieba from Debian for the analyst\'s script …'));
}

/**
 * A hospital-sized history against an analyst's bare script: N generated Chinese complaints of one
 * hospital over three years in one CSV; in alternating rounds, the whole `hearken run` (its own
 * process, from `bin/hearken.js`, into an empty warehouse and site), the bare script of this
 * stack that reads the same file, segments it and counts words (the floor), and the same script
 * as an analyst writes it with pandas and jieba in Python. Wall time from start to exit, as the
 * person waiting sees it; the medians and their ratios.
 */
export async function benchHospital(workDir: string, records: number, repeats: number, log: (line: string) => void): Promise<HospitalBenchResult> {
  await rm(workDir, { recursive: true, force: true });
  const input = join(workDir, 'input');
  const file = join(input, 'cn', 'feedback.csv');
  await mkdir(join(input, 'cn'), { recursive: true });
  log(`hospital: generating ${records.toLocaleString('en')} Chinese complaints of one hospital over three years …`);
  await writeBenchFeedbackCsv(file, records, defaults.seed, ['cn'], { ...BENCH_HISTORY, idPrefix: 'H' });

  const db = join(workDir, 'warehouse.duckdb');
  const out = join(workDir, 'out');
  const emptyWarehouse = async () => {
    for (const path of [db, `${db}.wal`, `${db}.tmp`, out]) await rm(path, { recursive: true, force: true });
  };
  const hearkenRun = () => runToEnd(process.execPath, [join(PROJECT, 'bin/hearken.js'), 'run', '--input', input, '--db', db, '--out', out, '--timezone', defaults.timezone, '--as-of', defaults.asOf, '--lang', 'zh']);
  const wordCount = () => runToEnd(process.execPath, ['--import', 'tsx', WORD_COUNT, file]);
  const python = pandasPython(log);
  if (python === null) log('hospital: no python3 with pandas and jieba here; the analyst\'s script is not timed');

  log(`hospital: timing ${repeats} rounds (hearken run, bare word count${python === null ? '' : ', pandas + jieba'}) …`);
  const timings = await timeAlternating(repeats, [
    { label: 'hearken run', prepare: emptyWarehouse, run: hearkenRun },
    { label: 'bare word count', run: wordCount },
    ...(python === null ? [] : [{ label: 'pandas + jieba', run: () => runToEnd(python, [PANDAS_SCRIPT, file]) }]),
  ]);
  const summary = JSON.parse(await readFile(join(out, 'run-summary.json'), 'utf8')) as { records_in_warehouse: { total: number } };
  if (summary.records_in_warehouse.total !== records) throw new Error(`bench: the run holds ${summary.records_in_warehouse.total} of ${records} records`);
  const [run, bare, analyst] = timings.map(({ label, runs, median }) => ({ label, runs, median }));
  if (!run || !bare) throw new Error('bench: missing timings');
  const result: HospitalBenchResult = {
    records,
    run,
    wordCount: bare,
    pandas: analyst ?? null,
    vsScript: run.median / bare.median,
    vsPandas: analyst ? run.median / analyst.median : null,
  };
  log(`hospital: hearken run ${formatSeconds(run.median)}, bare word count ${formatSeconds(bare.median)}: ratio ${result.vsScript.toFixed(2)} (target ≤ 1)`);
  if (analyst) log(`hospital: pandas + jieba ${formatSeconds(analyst.median)}: ratio ${result.vsPandas!.toFixed(2)}`);
  await rm(workDir, { recursive: true, force: true });
  return result;
}
