/**
 * Parquet written by DuckDB, as an older system's archive export would be: rows staged as text in
 * a temp table through the appender, then copied out with the timestamp columns typed. One thread
 * keeps row order and file bytes stable.
 */
import { renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../db.ts';

export async function writeParquet(path: string, header: readonly string[], rows: readonly Readonly<Record<string, string>>[], timestampColumns: ReadonlySet<string>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run(`create temp table staged (${header.map((h) => `${quoteIdentifier(h)} varchar`).join(', ')})`);
    const appender = await connection.createAppender('staged', 'main', 'temp');
    for (const row of rows) {
      for (const h of header) {
        const v = row[h] ?? '';
        if (v === '') appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
    appender.closeSync();
    const select = header.map((h) => (timestampColumns.has(h) ? `cast(${quoteIdentifier(h)} as timestamp) as ${quoteIdentifier(h)}` : quoteIdentifier(h))).join(', ');
    const tmp = `${path}.tmp`;
    await connection.run(`copy (select ${select} from staged) to ${quoteLiteral(tmp)} (format parquet)`);
    renameSync(tmp, path);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
