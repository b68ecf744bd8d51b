/**
 * Parquet written by DuckDB, as an older system's archive export would be: rows staged as text in
 * a temp table through the appender, then copied out with the timestamp columns typed. One thread
 * keeps row order and file bytes stable. DuckDB writes the file itself, straight to its path: the
 * generator builds the whole sample in a staging folder and renames it into place, so no half file
 * is ever seen.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../../../pipeline/db.ts';

export async function writeParquet(path: string, header: readonly string[], rows: readonly Readonly<Record<string, string>>[], timestampColumns: ReadonlySet<string>): Promise<void> {
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
    await connection.run(`copy (select ${select} from staged) to ${quoteLiteral(path)} (format parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
