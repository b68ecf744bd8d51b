import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDetect } from './detect.bench.ts';
import { benchIngest } from './ingest.bench.ts';
import { benchOutbreaks } from './outbreak.bench.ts';
import { benchSurvey } from './survey.bench.ts';
import { benchText } from './text.bench.ts';

/**
 * `npm run bench`: every stage's benchmark, against a baseline timed in the same run. Options:
 * --only ingest|text|survey|detect|outbreaks, --rows N (ingest rows, default 1,000,000), --repeats R (ingest,
 * text and survey rounds, default 3), --texts N (Chinese records of the text stage, default 200,000),
 * --responses N (survey responses of the survey ingest and satisfaction stage, default 2,000,000),
 * --series N (synthetic detection series, default 10,000).
 * Results go to test/bench/results/ (git-ignored); BENCHMARKS.md quotes them.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rows: { type: 'string', default: '1000000' },
    repeats: { type: 'string', default: '3' },
    series: { type: 'string', default: '10000' },
    texts: { type: 'string', default: '200000' },
    responses: { type: 'string', default: '2000000' },
  },
});
const rows = Number(values.rows);
const repeats = Number(values.repeats);
const seriesCount = Number(values.series);
const textRecords = Number(values.texts);
const surveyResponses = Number(values.responses);
if (![rows, repeats, seriesCount, textRecords, surveyResponses].every((n) => Number.isInteger(n) && n >= 1) || !['ingest', 'text', 'detect', 'outbreaks', 'survey', undefined].includes(values.only)) {
  process.stderr.write('bench: --rows, --repeats, --texts, --series and --responses take whole numbers; --only takes ingest, text, detect, outbreaks or survey\n');
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const workDir = await mkdtemp(join(tmpdir(), 'hearken-bench-'));
try {
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  const runs = (stage: string) => values.only === undefined || values.only === stage;
  const ingest = runs('ingest') ? await benchIngest(join(workDir, 'ingest'), rows, repeats, log) : null;
  const text = runs('text') ? await benchText(join(workDir, 'text'), textRecords, repeats, log) : null;
  const survey = runs('survey') ? await benchSurvey(join(workDir, 'survey'), surveyResponses, repeats, log) : null;
  const detect = runs('detect') ? await benchDetect(workDir, seriesCount, log) : null;
  const outbreaks = runs('outbreaks') ? await benchOutbreaks(workDir, log) : null;
  const resultsDir = resolve(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify({ stamp, ingest, text, survey, detect, outbreaks }, null, 2)}\n`);
  log(`results: ${join(resultsDir, 'latest.json')}`);
} finally {
  await rm(workDir, { recursive: true, force: true });
}
