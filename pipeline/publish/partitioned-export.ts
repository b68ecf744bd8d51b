import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, quoteIdentifier, quoteLiteral, setVariables } from '../db.ts';
import { hospitalKey } from './hospital-key.ts';

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
 * Copies one table into `dir`/`name` partitioned by hospital key (hospitalKey) and month, every row
 * with the run_id that published it: one copy per hospital into its `hospital_key=<key>` folder,
 * partitioned there by month. The partition columns live in the folder names only (hive style), as
 * the readers expect; `hospital` and every other column stay in the files.
 */
export async function exportPartitioned(connection: DuckDBConnection, name: keyof typeof PARTITIONED_EXPORTS, dir: string): Promise<void> {
  const { table, month } = PARTITIONED_EXPORTS[name];
  const added = month === null ? '' : `, ${month} as "month"`;
  const rows = `select *, getvariable('run_id')::varchar as run_id${added} from ${quoteIdentifier(table)} where hospital is not distinct from getvariable('export_hospital')`;
  await mkdir(join(dir, name), { recursive: true });
  const hospitals = await queryRows<{ hospital: string | null }>(connection, `select distinct hospital from ${quoteIdentifier(table)} order by hospital`);
  for (const { hospital } of hospitals) {
    await setVariables(connection, { export_hospital: hospital });
    const folder = join(dir, name, `hospital_key=${hospitalKey(hospital ?? '')}`);
    await connection.run(`copy (${rows}) to ${quoteLiteral(folder)} (format parquet, partition_by ("month"))`);
  }
}
