import { describe, expect, it } from 'vitest';
import type { ChildRunResult } from './run-child.ts';
import { benchFigures } from './figures.ts';
import type { ScaleRun } from './scale.bench.ts';

/**
 * A run of `records` records whose every stage took the seconds given, the run's peak memory
 * reached in its first stage; rows as a run of that size reports them.
 */
function scaleRun(records: number, seconds: number, stages: Record<string, number>, peakRssMb: number): ScaleRun {
  const stagePeakRssMb = Object.fromEntries(Object.keys(stages).map((stage) => [stage, peakRssMb]));
  const run: ChildRunResult = { seconds, stages, peakRssMb, stagePeakRssMb, rowsRead: records * 3, recordsInWarehouse: records * 3 };
  return { records, surveyResponses: records * 2, run, incrementalDay: { ...run, seconds: seconds / 10, peakRssMb: peakRssMb / 2, newRecords: 1 }, siteBuildSeconds: seconds / 20 };
}

describe('benchFigures', () => {
  it('quotes 1M and 10M runs by size, the daily run and site build on the 1M history, and the stages and peak memory of the largest run', () => {
    const figures = benchFigures({
      quick: false,
      ingest: null,
      text: null,
      survey: null,
      detect: null,
      scale: [scaleRun(10_000_000, 500, { ingest: 200, marts: 100 }, 5000), scaleRun(1_000_000, 50, { ingest: 20 }, 900), scaleRun(100_000, 6, {}, 300)],
    });
    expect(figures).toEqual({
      quick: false,
      ingest_vs_duckdb: null,
      text_vs_segmenter: null,
      detect_vs_r: null,
      survey_ingest_vs_duckdb: null,
      run_1m_s: 50,
      run_10m_s: 500,
      reference_records: 1_000_000,
      incremental_day_s: 5, // 50 / 10
      site_build_s: 2.5, // 50 / 20
      site_build_40_departments_s: null,
      site_build_40_vs_copy: null,
      site_build_group_of_3_s: null,
      hospital_records: null,
      hospital_run_s: null,
      hospital_vs_script: null,
      hospital_vs_pandas: null,
      peak_rss_mb: 5000,
      stage_records: 10_000_000,
      stage_ingest_s: 200,
      stage_ingest_rows_per_s: 150_000, // 30M rows read / 200 s
      stage_ingest_peak_rss_mb: 5000,
      stage_marts_s: 100,
      stage_marts_rows_per_s: 300_000,
      stage_marts_peak_rss_mb: 5000,
    });
  });

  it('in quick mode quotes the small run for the daily run, and null for the sizes that did not run', () => {
    const figures = benchFigures({ quick: true, ingest: null, text: null, survey: null, detect: null, scale: [scaleRun(10_000, 12, { ingest: 3 }, 400)] });
    expect(figures).toMatchObject({ quick: true, run_1m_s: null, run_10m_s: null, reference_records: 10_000, incremental_day_s: 1.2, site_build_s: 0.6, peak_rss_mb: 400, stage_ingest_rows_per_s: 10_000 });
  });

  it('quotes the site build of one hospital of 40 departments, its ratio to a bare COPY, and the group of three', () => {
    const timing = (median: number) => ({ label: '', runs: [median], median });
    const size = (hospitals: number, publish: number, copy: number) => ({ hospitals, departmentPages: 40 * hospitals, publish: timing(publish), bareCopy: timing(copy), ratio: publish / copy });
    const site = { records: 100_000, surveyResponses: 200_000, one: size(1, 8.5, 2), group: size(3, 24.25, 5) };
    const figures = benchFigures({ quick: false, ingest: null, text: null, survey: null, detect: null, scale: [], site });
    expect(figures).toMatchObject({ site_build_40_departments_s: 8.5, site_build_40_vs_copy: 4.25, site_build_group_of_3_s: 24.25 });
  });

  it('quotes a hospital\'s whole run and its ratios to the bare word count and the pandas script, null without Python', () => {
    const timing = (median: number) => ({ label: '', runs: [median], median });
    const hospital = { records: 60_000, run: timing(30), wordCount: timing(4), pandas: timing(12), vsScript: 30 / 4, vsPandas: 30 / 12 };
    const base = { quick: false, ingest: null, text: null, survey: null, detect: null, scale: [] };
    expect(benchFigures({ ...base, hospital })).toMatchObject({ hospital_records: 60_000, hospital_run_s: 30, hospital_vs_script: 7.5, hospital_vs_pandas: 2.5 });
    expect(benchFigures({ ...base, hospital: { ...hospital, pandas: null, vsPandas: null } })).toMatchObject({ hospital_vs_script: 7.5, hospital_vs_pandas: null });
  });
});
