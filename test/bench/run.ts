import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDetect } from './detect.bench.ts';
import { benchIngest } from './ingest.bench.ts';

/**
 * `npm run bench`: every stage's benchmark, against a baseline timed in the same run. Options:
 * --only ingest|detect, --rows N (ingest rows, default 1,000,000), --repeats R (ingest rounds,
 * default 3), --series N (synthetic detection series, default 10,000).
 * Results go to test/bench/results/ (git-ignored); BENCHMARKS.md quotes them.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    repeats: { type: 'string', default: '3' },
    series: { type: 'string', default: '10000' },
  },
});
const rows = Number(values.rows);
const repeats = Number(values.repeats);
const seriesCount = Number(values.series);
if (![rows, repeats, seriesCount].every((n) => Number.isInteger(n) && n >= 1) || !['ingest', 'detect', undefined].includes(values.only)) {
  process.stderr.write('bench: --rows, --repeats and --series take whole numbers; --only takes ingest or detect\n');
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const workDir = await mkdtemp(join(tmpdir(), 'hearken-bench-'));
try {
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const ingest = values.only === 'detect' ? null : await benchIngest(join(workDir, 'ingest'), rows, repeats, log);
  const detect = values.only === 'ingest' ? null : await benchDetect(workDir, seriesCount, log);
  const resultsDir = resolve(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify({ stamp, ingest, detect }, null, 2)}\n`);
  log(`results: ${join(resultsDir, 'latest.json')}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
