import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Language } from '../config.ts';
import { queryRows } from '../db.ts';
import { EXIT_USAGE, PipelineError, oneLine } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Progress } from '../progress.ts';
import { CONTRACT_METHODS, DETECTORS } from './methods.ts';
import { buildSeries, type SeriesRow } from './series-input.ts';

export interface DetectOptions {
  input: string;
  out: string;
  /** One method of DETECTORS; the contract's methods when absent. */
  method?: string;
  language: Language;
}

export const DETECT_HEADER = 'series,period,method,count,expected,upperbound,alarm';

async function readRows(path: string): Promise<SeriesRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = await queryRows<{ name: string }>(
      connection,
      'select column_name as name from (describe select * from read_csv($path, header = true, all_varchar = true))',
      { path },
    );
    const names = new Set(columns.map((c) => c.name.trim().toLowerCase()));
    const missing = ['series', 'period', 'count'].filter((name) => !names.has(name));
    if (missing.length > 0) throw new PipelineError('detect', `${path} has no ${missing.join(', ')} column (the input is series, period, count)`, EXIT_USAGE);
    return await queryRows<SeriesRow>(connection, 'select series, period, count from read_csv($path, header = true, all_varchar = true)', { path });
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    throw new PipelineError('detect', `cannot read ${path}: ${oneLine(error)}`, EXIT_USAGE);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const numberField = (value: number | null) => (value === null || !Number.isFinite(value) ? '' : String(value));

/**
 * `hearken detect`: runs the early-warning detectors on any count series and writes one row per
 * series, method and period (contract section 2). Expected value and upper bound are blank where
 * the method has too little history or the bound is undefined; alarm is then 0. The output is
 * written beside its target and renamed into place, so a failed run leaves no half file.
 */
export async function runDetect(options: DetectOptions, progress: Progress): Promise<{ series: number; rows: number }> {
  const methods: readonly string[] = options.method === undefined ? CONTRACT_METHODS : [options.method];
  for (const method of methods) {
    if (!(method in DETECTORS)) throw new PipelineError('detect', `unknown method: ${method} (use ${Object.keys(DETECTORS).join(', ')})`, EXIT_USAGE);
  }
  let series;
  try {
    series = buildSeries(await readRows(options.input));
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    throw new PipelineError('detect', oneLine(error), EXIT_USAGE);
  }
  const partial = `${options.out}.partial-${process.pid}`;
  const stream = createWriteStream(partial);
  const write = (text: string) => (stream.write(text) ? Promise.resolve() : new Promise<void>((done) => stream.once('drain', () => done())));
  let rows = 0;
  try {
    await write(`${DETECT_HEADER}\n`);
    progress.start(t(options.language, 'stage.detect'), series.length);
    for (const one of series) {
      progress.tick(one.name);
      const name = csvField(one.name);
      for (const method of methods) {
        const points = DETECTORS[method]!(one.counts);
        const lines: string[] = [];
        points.forEach((point, t) => {
          const count = one.counts[t]!;
          lines.push(
            `${name},${csvField(one.periods[t]!)},${method},${Number.isNaN(count) ? '' : count},` +
              `${numberField(point.expected)},${numberField(point.upperbound)},${point.alarm ?? 0}`,
          );
        });
        rows += lines.length;
        await write(`${lines.join('\n')}\n`);
      }
    }
    progress.done();
    await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
    await rename(partial, options.out);
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return { series: series.length, rows };
}
