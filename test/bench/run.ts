import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDetect } from './detect.bench.ts';
import { benchFigures } from './figures.ts';
import { benchHospital } from './hospital.bench.ts';
import { benchIngest } from './ingest.bench.ts';
import { benchOutbreaks } from './outbreak.bench.ts';
import { benchScale, type ScaleRun } from './scale.bench.ts';
import { benchSite } from './site.bench.ts';
import { benchSurvey } from './survey.bench.ts';
import { benchText } from './text.bench.ts';

/**
 * `npm run bench`: every stage's benchmark, against a baseline timed in the same run, and the
 * whole run end to end at scale, the site build alone, and a hospital's history against an analyst's script.
 * Options: --only ingest|text|survey|detect|outbreaks|scale|site|hospital,
 * --rows N (ingest rows, default 1,000,000), --repeats R (ingest, text and survey rounds, default
 * 3), --texts N (Chinese records of the text stage, default 200,000), --responses N (survey
 * responses of the survey ingest and satisfaction stage, default 2,000,000), --series N (synthetic
 * detection series, default 10,000), --sizes LIST (feedback records of the end-to-end runs, each
 * with twice as many survey responses, default 100k,1m,10m), --site-records N (complaints of the
 * site build's hospital of 40 departments over three years, with twice as many survey responses,
 * default 100,000; its rounds are --repeats), --hospital-records N (one hospital's Chinese complaints
 * over three years, the whole run against a bare read_csv + jieba word count, default 60,000; its
 * rounds are --repeats). --quick: small sizes and one round (under two minutes; no R, no outbreak
 * bench, no hospital bench), for checking the harness, not for figures.
 * The last line of stdout is one JSON object of named figures (figures.ts); all results go to
 * test/bench/results/ (git-ignored); BENCHMARKS.md quotes them.
 */
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    rows: { type: 'string' },
    repeats: { type: 'string' },
    series: { type: 'string' },
    texts: { type: 'string' },
    responses: { type: 'string' },
    sizes: { type: 'string' },
    'site-records': { type: 'string' },
    'hospital-records': { type: 'string' },
  },
});
const quick = values.quick ?? false;
/** Full and quick defaults of each option. */
const settings = {
  rows: values.rows ?? (quick ? '20000' : '1000000'),
  repeats: values.repeats ?? (quick ? '1' : '3'),
  series: values.series ?? (quick ? '50' : '10000'),
  texts: values.texts ?? (quick ? '5000' : '200000'),
  responses: values.responses ?? (quick ? '20000' : '2000000'),
  sizes: values.sizes ?? (quick ? '10k' : '100k,1m,10m'),
  siteRecords: values['site-records'] ?? (quick ? '5000' : '100000'),
  hospitalRecords: values['hospital-records'] ?? '60000',
};

/** A count as written on the command line: 20000, 100k or 1m. */
function count(text: string): number {
  const match = /^(\d+)([km]?)$/i.exec(text.trim());
  if (match === null) return Number.NaN;
  return Number(match[1]) * ({ k: 1e3, m: 1e6 }[match[2]?.toLowerCase() ?? ''] ?? 1);
}
const rows = count(settings.rows);
const repeats = count(settings.repeats);
const seriesCount = count(settings.series);
const textRecords = count(settings.texts);
const surveyResponses = count(settings.responses);
const sizes = settings.sizes.split(',').map(count);
const siteRecords = count(settings.siteRecords);
const hospitalRecords = count(settings.hospitalRecords);
const stages = ['ingest', 'text', 'detect', 'outbreaks', 'survey', 'scale', 'site', 'hospital'];
if (![rows, repeats, seriesCount, textRecords, surveyResponses, ...sizes, siteRecords, hospitalRecords].every((n) => Number.isInteger(n) && n >= 1) || (values.only !== undefined && !stages.includes(values.only))) {
  process.stderr.write(`bench: --rows, --repeats, --texts, --series, --responses, --sizes, --site-records and --hospital-records take whole numbers (20000, 100k, 1m); --only takes ${stages.join(', ')}\n`);
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const workDir = await mkdtemp(join(tmpdir(), 'hearken-bench-'));
try {
  const started = process.hrtime.bigint();
  log(`machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}${quick ? '; quick mode: small sizes, one round, for checking the harness' : ''}`);
  const runs = (stage: string) => values.only === undefined || values.only === stage;
  const ingest = runs('ingest') ? await benchIngest(join(workDir, 'ingest'), rows, repeats, log) : null;
  const text = runs('text') ? await benchText(join(workDir, 'text'), textRecords, repeats, log) : null;
  const survey = runs('survey') ? await benchSurvey(join(workDir, 'survey'), surveyResponses, repeats, log) : null;
  const detect = runs('detect') ? await benchDetect(workDir, seriesCount, log, !quick) : null;
  const outbreaks = runs('outbreaks') && !quick ? await benchOutbreaks(workDir, log) : null;
  const scale: ScaleRun[] = [];
  if (runs('scale')) for (const size of sizes) scale.push(await benchScale(join(workDir, `scale-${size}`), size, log));
  const site = runs('site') ? await benchSite(join(workDir, 'site'), siteRecords, repeats, log) : null;
  const hospital = runs('hospital') && !quick ? await benchHospital(join(workDir, 'hospital'), hospitalRecords, repeats, log) : null;
  const figures = benchFigures({ quick, ingest, text, survey, detect, scale, site, hospital });
  const resultsDir = resolve(import.meta.dirname, 'results');
  await mkdir(resultsDir, { recursive: true });
  const stamp = new Date().toISOString();
  await writeFile(join(resultsDir, quick ? 'quick.json' : 'latest.json'), `${JSON.stringify({ stamp, quick, figures, ingest, text, survey, detect, outbreaks, scale, site, hospital }, null, 2)}\n`);
  log(`results: ${join(resultsDir, quick ? 'quick.json' : 'latest.json')} (bench took ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s)`);
  log(JSON.stringify(figures));
} finally {
  await rm(workDir, { recursive: true, force: true });
}
