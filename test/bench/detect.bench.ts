import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, listValue } from '@duckdb/node-api';
import { queryRows } from '../../pipeline/db.ts';
import { runDetect } from '../../pipeline/detect/command.ts';
import { DETECTORS } from '../../pipeline/detect/methods.ts';
import { buildSeries, type SeriesRow } from '../../pipeline/detect/series-input.ts';
import { silentProgress } from '../../pipeline/progress.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { SHARED } from '../support/shared.ts';
import { withDebianPackages } from './debian-packages.ts';
import { formatSeconds } from './measure.ts';

/** The methods R surveillance and hearken both have, as the R harness names them. */
export const SHARED_METHODS = ['ears_c1', 'ears_c2', 'ears_c3', 'farrington_flexible', 'cusum'] as const;
const R_HARNESS = join(SHARED, 'vectors/r/run.R');
const PUBLIC_SERIES = join(SHARED, 'vectors/public/series.csv');

export interface DetectBenchResult {
  synthetic: { series: number; weeks: number; seconds: Record<string, number> };
  /** Null in the quick bench. */
  public: {
    hearkenSeconds: Record<string, number>;
    rSeconds: Record<string, number> | null;
    speedup: number | null;
    alarmAgreement: Record<string, number> | null;
  } | null;
}

/** Weekly counts with a yearly season and a level drawn per series: what a department x category cell looks like. */
function syntheticSeries(count: number, weeks: number): number[][] {
  const rng = new Rng('hearken-bench-detect');
  return Array.from({ length: count }, () => {
    const level = Math.exp(rng.next() * 3.5 - 0.7); // 0.5 .. 16 a week
    const season = rng.next() * 0.6;
    return Array.from({ length: weeks }, (_, t) => rng.poisson(level * Math.exp(season * Math.sin((2 * Math.PI * t) / 52))));
  });
}

function timeMethods(series: readonly (readonly number[])[], methods: readonly string[]): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const method of methods) {
    const detector = DETECTORS[method]!;
    const start = process.hrtime.bigint();
    for (const counts of series) detector(counts);
    seconds[method] = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return seconds;
}

/** R with surveillance, installed from Debian's packages when it is nowhere on the machine. */
function rAvailable(log: (line: string) => void): boolean {
  const probe = () => spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(surveillance))'], { stdio: 'ignore' }).status === 0;
  return withDebianPackages(probe, ['r-base-core', 'r-cran-surveillance'], () => log('detect: installing r-cran-surveillance from Debian for the R comparison …'));
}

/** Whether the shared R harness can run here: the harness file is present and R with surveillance is (or was just) installed. */
export function rHarnessAvailable(log: (line: string) => void): boolean {
  return existsSync(R_HARNESS) && rAvailable(log);
}

/** R surveillance over a long `series,period,count` CSV through the shared harness, with its documented settings (../shared/vectors/README.md). */
export function runRHarness(input: string, output: string, methods: readonly string[], timings?: string): void {
  execFileSync('Rscript', [R_HARNESS, input, output, '--methods', methods.join(','), ...(timings ? ['--timings', timings] : [])], { stdio: 'ignore' });
}

/**
 * Detection: (1) every detector over N synthetic weekly series of 260 weeks, timed per method;
 * (2) the 200 public reference series through hearken and through R surveillance in the same run,
 * per-method compute time, and the share of R's alarms hearken reproduces. Without `withPublic`
 * (the quick bench: R takes about three minutes on these series) only the first part runs.
 */
export async function benchDetect(workDir: string, seriesCount: number, log: (line: string) => void, withPublic = true): Promise<DetectBenchResult> {
  const weeks = 260;
  log(`detect: ${seriesCount.toLocaleString('en')} synthetic series of ${weeks} weeks through every detector …`);
  const synthetic = timeMethods(syntheticSeries(seriesCount, weeks), Object.keys(DETECTORS));
  for (const [method, seconds] of Object.entries(synthetic)) {
    log(`detect:   ${method.padEnd(20)} ${formatSeconds(seconds)} (${((seconds / (seriesCount * weeks)) * 1e6).toFixed(1)} µs a week)`);
  }

  if (!withPublic) {
    log('detect: quick mode; the public series and the R comparison are skipped');
    return { synthetic: { series: seriesCount, weeks, seconds: synthetic }, public: null };
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const rows = await queryRows<SeriesRow>(connection, 'select series, period, count from read_csv($path, all_varchar = true)', { path: PUBLIC_SERIES });
  const publicSeries = buildSeries(rows, 'en').map((s) => s.counts);
  const hearkenSeconds = timeMethods(publicSeries, SHARED_METHODS);

  let rSeconds: Record<string, number> | null = null;
  let alarmAgreement: Record<string, number> | null = null;
  if (rHarnessAvailable(log)) {
    log('detect: the 200 public series through R surveillance (about two minutes) …');
    const rOut = join(workDir, 'r_alarms.csv');
    const rTimings = join(workDir, 'r_timings.csv');
    runRHarness(PUBLIC_SERIES, rOut, SHARED_METHODS, rTimings);
    const timings = await queryRows<{ method: string; wall_s: number }>(connection, 'select method, wall_s::double as wall_s from read_csv($path)', { path: rTimings });
    rSeconds = Object.fromEntries(timings.map((row) => [row.method, row.wall_s]));
    const ours = join(workDir, 'hearken_alarms.csv');
    for (const method of SHARED_METHODS) {
      await runDetect({ input: PUBLIC_SERIES, out: join(workDir, `h_${method}.csv`), method, language: 'en' }, silentProgress);
    }
    await connection.run(`copy (select * from read_csv($files, all_varchar = true, union_by_name = true)) to '${ours}' (header)`, {
      files: listValue(SHARED_METHODS.map((m) => join(workDir, `h_${m}.csv`))),
    });
    const agreement = await queryRows<{ method: string; agree: number }>(
      connection,
      `select r.method, avg(case when coalesce(nullif(r.alarm, ''), '0') = coalesce(h.alarm, '0') then 1 else 0 end)::double as agree
       from read_csv($r, all_varchar = true) as r left join read_csv($h, all_varchar = true) as h using (series, period, method)
       group by r.method order by r.method`,
      { r: rOut, h: ours },
    );
    alarmAgreement = Object.fromEntries(agreement.map((row) => [row.method, row.agree]));
  } else {
    log('detect: R surveillance is not available here; the R comparison is skipped');
  }
  connection.closeSync();
  instance.closeSync();

  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  const speedup = rSeconds ? sum(rSeconds) / sum(hearkenSeconds) : null;
  for (const method of SHARED_METHODS) {
    const r = rSeconds?.[method];
    log(
      `detect: public ${method.padEnd(20)} hearken ${formatSeconds(hearkenSeconds[method]!)}` +
        (r !== undefined ? `, R ${formatSeconds(r)} (${(r / hearkenSeconds[method]!).toFixed(1)}x), alarms agree ${((alarmAgreement?.[method] ?? 0) * 100).toFixed(2)}%` : ''),
    );
  }
  if (speedup !== null) log(`detect: all five methods, hearken ${speedup.toFixed(1)} times faster than R`);
  return { synthetic: { series: seriesCount, weeks, seconds: synthetic }, public: { hearkenSeconds, rSeconds, speedup, alarmAgreement } };
}
