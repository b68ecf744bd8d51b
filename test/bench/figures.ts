import type { DetectBenchResult } from './detect.bench.ts';
import type { HospitalBenchResult } from './hospital.bench.ts';
import type { IngestBenchResult } from './ingest.bench.ts';
import type { ScaleRun } from './scale.bench.ts';
import type { SiteBenchResult } from './site.bench.ts';
import type { SurveyBenchResult } from './survey.bench.ts';
import type { TextBenchResult } from './text.bench.ts';

/** The benches one `npm run bench` ran (null: not run, by --only or in quick mode). */
export interface BenchResults {
  quick: boolean;
  ingest: IngestBenchResult | null;
  text: TextBenchResult | null;
  survey: SurveyBenchResult | null;
  detect: DetectBenchResult | null;
  scale: ScaleRun[];
  /** The site build of one hospital of 40 departments and of a group of three (absent: not run). */
  site?: SiteBenchResult | null;
  /** A hospital's history, the whole run against an analyst's bare script (absent: not run). */
  hospital?: HospitalBenchResult | null;
}

/** The size whose daily run and site build the figures quote: three years of a city's volume. */
const REFERENCE_RECORDS = 1_000_000;

const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const roundOrNull = (value: number | null | undefined) => (value === null || value === undefined ? null : round(value));

/**
 * The bench's named figures, printed as the last line of its output (BENCHMARKS.md lists them):
 * each ratio against its floor measured in the same run, the end-to-end seconds at 1M and 10M
 * records (null when that size did not run, as in quick mode), the incremental day and the site
 * build on the 1M history (else on the largest history that ran: `reference_records` says which),
 * the peak memory of the largest run, and each stage's seconds, rows/s and peak memory by its end in that run; a
 * hospital's whole run against an analyst's bare word count and pandas script. Null where a bench
 * did not run or, for `detect_vs_r` and `hospital_vs_pandas`, where R or Python's pandas is absent.
 *
 * @example benchFigures({ quick: true, ingest: null, text: null, survey: null, detect: null, scale: [] }).run_10m_s // null
 */
export function benchFigures(results: BenchResults): Record<string, number | boolean | null> {
  const { scale } = results;
  const bySize = (records: number) => scale.find((entry) => entry.records === records) ?? null;
  const largest = scale.reduce<ScaleRun | null>((top, entry) => (top === null || entry.records > top.records ? entry : top), null);
  const reference = bySize(REFERENCE_RECORDS) ?? largest;
  const stages: Record<string, number> = {};
  for (const [stage, seconds] of Object.entries(largest?.run.stages ?? {})) {
    // ingest reads the input's rows; every later stage works on the warehouse's records
    const rows = stage === 'ingest' ? (largest?.run.rowsRead ?? 0) : (largest?.run.recordsInWarehouse ?? 0);
    stages[`stage_${stage}_s`] = round(seconds);
    stages[`stage_${stage}_rows_per_s`] = seconds > 0 ? Math.round(rows / seconds) : 0;
    const peak = largest?.run.stagePeakRssMb[stage];
    if (peak !== undefined) stages[`stage_${stage}_peak_rss_mb`] = Math.round(peak);
  }
  return {
    quick: results.quick,
    ingest_vs_duckdb: roundOrNull(results.ingest?.ratio),
    text_vs_segmenter: roundOrNull(results.text?.ratio),
    detect_vs_r: roundOrNull(results.detect?.public?.speedup),
    survey_ingest_vs_duckdb: roundOrNull(results.survey?.ingest.ratio),
    run_1m_s: roundOrNull(bySize(1_000_000)?.run.seconds),
    run_10m_s: roundOrNull(bySize(10_000_000)?.run.seconds),
    reference_records: reference?.records ?? null,
    incremental_day_s: roundOrNull(reference?.incrementalDay.seconds),
    site_build_s: roundOrNull(reference?.siteBuildSeconds),
    site_build_40_departments_s: roundOrNull(results.site?.one.publish.median),
    site_build_40_vs_copy: roundOrNull(results.site?.one.ratio),
    site_build_group_of_3_s: roundOrNull(results.site?.group.publish.median),
    hospital_records: results.hospital?.records ?? null,
    hospital_run_s: roundOrNull(results.hospital?.run.median),
    hospital_vs_script: roundOrNull(results.hospital?.vsScript),
    hospital_vs_pandas: roundOrNull(results.hospital?.vsPandas),
    peak_rss_mb: largest === null ? null : Math.round(Math.max(largest.run.peakRssMb, largest.incrementalDay.peakRssMb)),
    stage_records: largest?.records ?? null,
    ...stages,
  };
}
