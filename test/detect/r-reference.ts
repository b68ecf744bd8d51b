import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * R surveillance 1.20.3 reference vectors (../shared/vectors, see its README): the synthetic public
 * set's input series and R's per-week output for one method.
 */
export const VECTORS = resolve(import.meta.dirname, '../../../shared/vectors/public');
/** The 72 real weekly series that ship with the R package (same formats). */
export const REAL_VECTORS = resolve(import.meta.dirname, '../../../shared/vectors/real');

export interface ReferenceSeries {
  series: string;
  periods: string[];
  counts: number[];
}

export interface ReferenceRow {
  series: string;
  period: string;
  count: number;
  expected: number | null;
  upperbound: number | null;
  alarm: 0 | 1 | null;
}

async function query<T>(sql: string, params: Record<string, string> = {}): Promise<T[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Every input series in period order (the sets have no gaps: compareWithR throws on an R row without an input week). */
export async function readSeries(set = VECTORS): Promise<ReferenceSeries[]> {
  const rows = await query<{ series: string; periods: string[]; counts: number[] }>(
    `select series, list(period order by period) as periods, list(count order by period) as counts
     from read_csv($path, columns = {'series': 'varchar', 'period': 'varchar', 'count': 'integer'}, header = true)
     group by series order by series`,
    { path: resolve(set, 'series.csv') },
  );
  return rows.map((r) => ({ series: r.series, periods: [...r.periods], counts: [...r.counts] }));
}

/** R's rows for one method. */
export async function readReference(method: string, set = VECTORS): Promise<ReferenceRow[]> {
  return query<ReferenceRow>(
    `select series, period, count, expected, upperbound, alarm::integer as alarm
     from read_csv($path, header = true, columns = {'series': 'varchar', 'period': 'varchar', 'method': 'varchar',
       'count': 'integer', 'expected': 'double', 'upperbound': 'double', 'alarm': 'integer'})
     where method = $method`,
    { path: resolve(set, 'r_alarms.csv'), method },
  );
}
