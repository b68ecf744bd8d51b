import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral } from '../db.ts';

/**
 * The exports with a month, also written as hive-partitioned Parquet under
 * OUT/data/partitioned/<name>/hospital_key=<key>/month=<YYYY-MM>/, the layout DuckDB, Spark and
 * Trino read as one table: a provincial department copies many hospitals' folders side by side and
 * queries them at once. Name → the table, and the SQL of its month where it has no `month` column.
 */
export const PARTITIONED_EXPORTS = {
  feedback: { table: 'export_feedback', month: 'left(received_at::varchar, 7)' },
  complaint_kpis: { table: 'mart_complaint_kpis', month: null },
  repeat_complaints: { table: 'mart_repeat_complaints', month: null },
  high_frequency_issues: { table: 'mart_high_frequency_issues', month: null },
  satisfaction_index: { table: 'export_satisfaction_index', month: null },
  satisfaction_measures: { table: 'export_satisfaction_measures', month: null },
  satisfaction_spc: { table: 'mart_satisfaction_spc', month: null },
} as const satisfies Record<string, { table: string; month: string | null }>;

/**
 * The SQL of a hospital's partition key: `h` and the first 8 hex digits of the SHA-256 of its name.
 * ASCII on purpose: DuckDB percent-encodes a Chinese or Vietnamese name in a folder name, and Spark
 * decodes such a name byte by byte into the wrong characters; the true name stays in the files'
 * `hospital` column. The same digest names a hospital's department packs (packSlug).
 */
export const HOSPITAL_KEY_SQL = "'h' || left(sha256(hospital), 8)";

/**
 * Copies one table into `dir`/`name` partitioned by hospital key and month, every row with the
 * run_id that published it. The partition columns live in the folder names only (hive style), as
 * the readers expect; `hospital` and every other column stay in the files.
 */
export async function exportPartitioned(connection: DuckDBConnection, name: keyof typeof PARTITIONED_EXPORTS, dir: string): Promise<void> {
  const { table, month } = PARTITIONED_EXPORTS[name];
  const added = month === null ? '' : `, ${month} as "month"`;
  const rows = `select *, getvariable('run_id')::varchar as run_id, ${HOSPITAL_KEY_SQL} as hospital_key${added} from ${quoteIdentifier(table)}`;
  await mkdir(dir, { recursive: true });
  await connection.run(`copy (${rows}) to ${quoteLiteral(join(dir, name))} (format parquet, partition_by (hospital_key, "month"))`);
}
