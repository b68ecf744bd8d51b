import { readFile, stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Language } from '../config.ts';
import { queryRows } from '../db.ts';
import { EXIT_USAGE, PipelineError, oneLine } from '../errors.ts';
import { t } from '../i18n.ts';
import type { Progress } from '../progress.ts';
import { csvCell } from '../publish/csv-cell.ts';
import { checkOutputFile, writeFileAtomically } from '../publish/output-file.ts';
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a file's bytes are UTF-8 (a BOM is fine); read only once DuckDB has failed on it. */
async function isUtf8(path: string): Promise<boolean> {
  try {
    utf8.decode(await readFile(path));
    return true;
  } catch {
    return false;
  }
}

/** A folder or a missing path is told as such: DuckDB would read a folder as a file and stop on a line of binary. */
async function readRows(path: string, language: Language): Promise<SeriesRow[]> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new PipelineError('detect', t(language, 'detect.inputMissing', { path }), EXIT_USAGE);
  if (info.isDirectory()) throw new PipelineError('detect', t(language, 'detect.inputFolder', { path }), EXIT_USAGE);
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
    if (missing.length > 0) throw new PipelineError('detect', t(language, 'detect.noColumn', { path, columns: missing.join(', ') }), EXIT_USAGE);
    return await queryRows<SeriesRow>(connection, 'select series, period, count from read_csv($path, header = true, all_varchar = true)', { path });
  } catch (error) {
    if (error instanceof PipelineError) throw error;
    // DuckDB stops on a GBK or cp1252 file (Excel's CSV) with "CSV Error on Line: 2": say what to do instead
    if (!(await isUtf8(path))) throw new PipelineError('detect', t(language, 'detect.notUtf8', { path }), EXIT_USAGE);
    throw new PipelineError('detect', t(language, 'detect.unreadable', { path, reason: oneLine(error) }), EXIT_USAGE);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * `hearken detect`: runs the early-warning detectors on any count series and writes one row per
 * series, method and period (contract section 2). Expected value and upper bound are blank where
 * the method has too little history or the bound is undefined; alarm is then 0. Series names are
 * the user's text, so they go through csvCell (no cell starts like a formula); an integer period is
 * a number. The output is written whole or not at all (writeFileAtomically), never over the input.
 */
export async function runDetect(options: DetectOptions, progress: Progress): Promise<{ series: number; rows: number }> {
  const methods: readonly string[] = options.method === undefined ? CONTRACT_METHODS : [options.method];
  for (const method of methods) {
    if (!(method in DETECTORS)) throw new PipelineError('detect', t(options.language, 'detect.unknownMethod', { method, methods: Object.keys(DETECTORS).join(', ') }), EXIT_USAGE);
  }
  await checkOutputFile(options.out, '--out', { inputFile: options.input, writtenStart: DETECT_HEADER }, options.language);
  const series = buildSeries(await readRows(options.input, options.language), options.language);
  let rows = 0;
  function* lines() {
    yield `${DETECT_HEADER}\n`;
    for (const one of series) {
      progress.tick(one.name);
      const name = csvCell(one.name);
      for (const method of methods) {
        const points = DETECTORS[method]!(one.counts);
        const block = points.map((point, t) => {
          const period = one.periods[t]!;
          const cells = [name, /^-?\d+$/.test(period) ? period : csvCell(period), method, csvCell(one.counts[t]!), csvCell(point.expected), csvCell(point.upperbound), point.alarm ?? 0];
          return cells.join(',');
        });
        rows += block.length;
        yield `${block.join('\n')}\n`;
      }
    }
  }
  progress.start(t(options.language, 'stage.detect'), series.length);
  await writeFileAtomically(options.out, lines());
  progress.done();
  return { series: series.length, rows };
}
