import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openWarehouse, quoteIdentifier, quoteLiteral } from '../../pipeline/db.ts';
import { EXPORTS } from '../../pipeline/publish/publish.ts';
import { BENCH_HISTORY, writeBenchFeedbackCsv, writeBenchSurveyCsv } from '../../data/generator/bench.ts';
import { formatSeconds, timeAlternating, type Timing } from './measure.ts';
import { runInChild, timeSiteBuild } from './scale.bench.ts';

const defaults = {
  seed: 20261206,
  /** The Vietnamese hospital's 25 departments (its complaints and its surveys) and the first 15 of the English one's, in one folder: 40 departments of one hospital. */
  departments: { vn: 25, uk: 15 },
  /** The records that are the English departments' share. */
  ukShare: 0.3,
  /** Survey responses per feedback record, as in the scale bench. */
  responsesPerRecord: 2,
  /** The hospitals of the group case: the same three years under three folder names. */
  group: ['vn', 'vn-east', 'vn-west'],
};

/** One size of the site build: publish alone against a bare COPY of the same exports, both timed in alternation. */
export interface SiteBuildTiming {
  hospitals: number;
  departmentPages: number;
  publish: Timing;
  bareCopy: Timing;
  /** publish's median over the bare COPY's. */
  ratio: number;
}

export interface SiteBenchResult {
  records: number;
  surveyResponses: number;
  one: SiteBuildTiming;
  group: SiteBuildTiming;
}

/** Three years of one hospital of 40 departments (complaints and surveys) in the folder `hospital` under `input`. */
async function writeHospital(input: string, hospital: string, records: number): Promise<void> {
  const folder = join(input, hospital);
  await mkdir(folder, { recursive: true });
  const span = (idPrefix: string) => ({ ...BENCH_HISTORY, idPrefix });
  await writeBenchFeedbackCsv(join(folder, 'feedback-vn.csv'), Math.round(records * (1 - defaults.ukShare)), defaults.seed, ['vn'], span('V'), defaults.departments);
  await writeBenchFeedbackCsv(join(folder, 'feedback-uk.csv'), Math.round(records * defaults.ukShare), defaults.seed, ['uk'], span('U'), defaults.departments);
  await writeBenchSurveyCsv(join(folder, 'survey.csv'), records * defaults.responsesPerRecord, defaults.seed, span('S'));
}

/** The exports written by a plain COPY each, as CSV and Parquet, with none of publish's work on them: the floor of the exports' part. */
async function bareCopy(db: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const warehouse = await openWarehouse(db);
  try {
    for (const [name, table] of Object.entries(EXPORTS)) {
      await warehouse.connection.run(`copy ${quoteIdentifier(table)} to ${quoteLiteral(join(dir, `${name}.csv`))} (header)`);
      await warehouse.connection.run(`copy ${quoteIdentifier(table)} to ${quoteLiteral(join(dir, `${name}.parquet`))} (format parquet)`);
    }
  } finally {
    warehouse.close();
  }
}

/** Builds the warehouse of `hospitals` with one `hearken run`, then times publish alone and the bare COPY, `rounds` each in alternation. */
async function timeSize(workDir: string, hospitals: readonly string[], records: number, rounds: number, log: (line: string) => void): Promise<SiteBuildTiming> {
  const input = join(workDir, 'input');
  const db = join(workDir, 'warehouse.duckdb');
  const out = join(workDir, 'out');
  await writeHospital(input, hospitals[0]!, records);
  for (const other of hospitals.slice(1)) await cp(join(input, hospitals[0]!), join(input, other), { recursive: true });
  const built = await runInChild({ input, db, out }, '2026-11-16T04:00:00Z');
  log(`site: warehouse of ${hospitals.length} hospital(s) built in ${formatSeconds(built.seconds)} (publish within the run ${formatSeconds(built.stages['publish'] ?? 0)})`);
  const departmentPages = (await readdir(join(out, 'departments'))).filter((file) => file.endsWith('.json')).length;
  const [publish, copy] = await timeAlternating(rounds, [
    { label: 'publish', run: async () => void (await timeSiteBuild(db, input, out, join(workDir, 'site-alone'))) },
    { label: 'bare COPY of the exports', run: () => bareCopy(db, join(workDir, 'copy')) },
  ]);
  return { hospitals: hospitals.length, departmentPages, publish: publish!, bareCopy: copy!, ratio: publish!.median / copy!.median };
}

/**
 * The site build of issue 14: `publish` alone (exports, Parquet partitions, reports, every page in
 * zh, vi and en) from a built warehouse of one hospital with 40 departments and three years of
 * complaints (`records`) and surveys (twice as many responses), median of `rounds` against a bare
 * COPY of the same exports timed in alternation; then the same for a group of three such hospitals.
 */
export async function benchSite(workDir: string, records: number, rounds: number, log: (line: string) => void): Promise<SiteBenchResult> {
  const line = (label: string, timing: SiteBuildTiming) =>
    log(`site: ${label} (${timing.departmentPages} department pages): publish ${formatSeconds(timing.publish.median)}, bare COPY of the exports ${formatSeconds(timing.bareCopy.median)} (×${timing.ratio.toFixed(1)}), median of ${rounds}`);
  await rm(workDir, { recursive: true, force: true });
  log(`site: one hospital, 40 departments, ${records.toLocaleString('en')} complaints and ${(records * defaults.responsesPerRecord).toLocaleString('en')} survey responses over three years …`);
  const one = await timeSize(join(workDir, 'one'), defaults.group.slice(0, 1), records, rounds, log);
  line('one hospital', one);
  const group = await timeSize(join(workDir, 'group'), defaults.group, records, rounds, log);
  line('a group of three', group);
  await rm(workDir, { recursive: true, force: true });
  return { records, surveyResponses: records * defaults.responsesPerRecord, one, group };
}
