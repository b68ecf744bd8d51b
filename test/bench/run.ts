import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchIngest } from './ingest.bench.ts';

/**
 * `npm run bench`: every stage's benchmark, medians of alternating rounds against a baseline
 * timed in the same run. Options: --rows N (default 1,000,000), --repeats R (default 3).
 * Results go to test/bench/results/ (git-ignored); BENCHMARKS.md quotes them.
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    repeats: { type: 'string', default: '3' },
  },
});
const rows = Number(values.rows);
const repeats = Number(values.repeats);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(repeats) || repeats < 1) {
  process.stderr.write('bench: --rows and --repeats take whole numbers\n');
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const workDir = await mkdtemp(join(tmpdir(), 'hearken-bench-'));
try {
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const ingest = await benchIngest(join(workDir, 'ingest'), rows, repeats, log);
  const resultsDir = resolve(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify({ stamp, ingest }, null, 2)}\n`);
  log(`results: ${join(resultsDir, 'latest.json')}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
