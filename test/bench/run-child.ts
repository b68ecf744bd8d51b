import { normalizeConfig, type CliOptions } from '../../pipeline/config.ts';
import { t } from '../../pipeline/i18n.ts';
import type { Progress } from '../../pipeline/progress.ts';
import { run } from '../../pipeline/run.ts';

/** What one `hearken run` in its own process reports to the bench, as the last line of its stdout. */
export interface ChildRunResult {
  seconds: number;
  /** Wall seconds of each stage the run announces (ingest, text, categories, marts, detect, publish). */
  stages: Record<string, number>;
  /** The process's peak resident memory: DuckDB, Node and the worker threads are all in it. */
  peakRssMb: number;
  /**
   * The process's peak resident memory by the end of each stage (a high-water mark, so never
   * less than the stage's before): the first stage at the run's peak is the one that reached it.
   */
  stagePeakRssMb: Record<string, number>;
  rowsRead: number;
  recordsInWarehouse: number;
}

/** The stages `run` announces, by the English label it announces them with. */
const STAGE_KEYS = ['ingest', 'text', 'categories', 'marts', 'detect', 'publish'] as const;
const STAGE_BY_LABEL = new Map<string, string>(STAGE_KEYS.map((key) => [t('en', `stage.${key}`), key]));

/** The process's peak resident memory so far, every thread's, in MiB. */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * A progress that times each stage from its start to its end (a stage it does not know keeps its
 * label) and notes the process's peak memory by its end.
 */
function stageClock(stages: Record<string, number>, peaks: Record<string, number>): Progress {
  let current: { key: string; started: bigint } | null = null;
  return {
    start(label) {
      current = { key: STAGE_BY_LABEL.get(label) ?? label, started: process.hrtime.bigint() };
    },
    tick() {},
    note() {},
    done() {
      if (current === null) return;
      stages[current.key] = (stages[current.key] ?? 0) + Number(process.hrtime.bigint() - current.started) / 1e9;
      peaks[current.key] = peakRssMb();
      current = null;
    },
    info() {},
  };
}

// `node --import tsx test/bench/run-child.ts '{"options": {...}, "now": "..."}'`: one run, measured
// in a process of its own so that its peak memory is the run's alone (resourceUsage counts every thread)
const { options, now } = JSON.parse(process.argv[2] ?? '{}') as { options: CliOptions; now: string };
const stages: Record<string, number> = {};
const stagePeakRssMb: Record<string, number> = {};
const started = process.hrtime.bigint();
const { summary } = await run(normalizeConfig({ ...options, lang: 'en' }), stageClock(stages, stagePeakRssMb), new Date(now));
const result: ChildRunResult = {
  seconds: Number(process.hrtime.bigint() - started) / 1e9,
  stages,
  peakRssMb: peakRssMb(),
  stagePeakRssMb,
  rowsRead: summary.totals.rows_read,
  recordsInWarehouse: summary.records_in_warehouse.total,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
