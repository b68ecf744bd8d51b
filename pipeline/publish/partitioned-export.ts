import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
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

export type PartitionedExport = keyof typeof PARTITIONED_EXPORTS;

/** One partition of a partitioned export: its folder under data/partitioned/, and the fingerprint of its rows. */
export interface Partition {
  folder: string;
  fingerprint: string;
}

/** A partition's folder under data/partitioned/. @example partitionFolder('feedback', '南院', '2025-02') // 'feedback/hospital_key=h4bd041ce/month=2025-02' */
export const partitionFolder = (name: PartitionedExport, hospital: string | null, month: string) => `${name}/hospital_key=${hospitalKey(hospital ?? '')}/month=${month}`;

/** The month column of an export's rows, named `month` as the partitions' folders are. */
const monthOf = (name: PartitionedExport) => PARTITIONED_EXPORTS[name].month ?? '"month"';

/**
 * Every partition of an export with the fingerprint of what its file would hold but for `run_id`:
 * the partition's row count and the exclusive or of each row's hash with its position in the table
 * (so a row changed, added, lost or moved changes it), with a digest of the export's columns and
 * DuckDB's version (so a renamed or retyped column, or another Parquet writer, does too).
 */
export async function partitionFingerprints(connection: DuckDBConnection, name: PartitionedExport): Promise<Partition[]> {
  const table = quoteIdentifier(PARTITIONED_EXPORTS[name].table);
  const columns = await queryRows(connection, `select column_name, column_type, version() as duckdb from (describe ${table})`);
  const layout = createHash('sha256').update(JSON.stringify(columns)).digest('hex').slice(0, 16);
  // a row without a month has no partition of its own to carry (hive writes it to a default one)
  const rows = await queryRows<{ hospital: string | null; month: string; rows: number; hash: string }>(
    connection,
    `select hospital, ${monthOf(name)} as month, count(*) as rows, bit_xor(hash(exported_row.rowid, exported_row))::varchar as hash from ${table} exported_row where month is not null group by all`,
  );
  return rows.map(({ hospital, month, rows: count, hash }) => ({ folder: partitionFolder(name, hospital, month), fingerprint: `${count}:${hash}:${layout}` }));
}

/**
 * Copies one table into `dir`/`name` partitioned by hospital key (hospitalKey) and month, every row
 * with the run_id that published it: one copy per hospital into its `hospital_key=<key>` folder,
 * partitioned there by month. The partition columns live in the folder names only (hive style), as
 * the readers expect; `hospital` and every other column stay in the files. The partitions in
 * `carried` (folders under `dir`, already linked in: carried-partitions.ts) are not written again.
 */
export async function exportPartitioned(connection: DuckDBConnection, name: PartitionedExport, dir: string, carried: ReadonlySet<string> = new Set()): Promise<void> {
  const { table, month } = PARTITIONED_EXPORTS[name];
  const added = month === null ? '' : `, ${month} as "month"`;
  const rows = `select *, getvariable('run_id')::varchar as run_id${added} from ${quoteIdentifier(table)} where hospital is not distinct from getvariable('export_hospital')`;
  await mkdir(join(dir, name), { recursive: true });
  const hospitals = await queryRows<{ hospital: string | null; months: string[] }>(
    connection,
    `select hospital, list(distinct ${monthOf(name)}) as months from ${quoteIdentifier(table)} group by hospital order by hospital`,
  );
  for (const { hospital, months } of hospitals) {
    const kept = months.filter((value) => carried.has(partitionFolder(name, hospital, value)));
    if (kept.length > 0 && kept.length === months.length) continue;
    await setVariables(connection, kept.length === 0 ? { export_hospital: hospital } : { export_hospital: hospital, carried_months: listValue(kept) });
    // the carried months' folders are already in the hospital's folder: they are left as they are
    const written = kept.length === 0 ? rows : `select * from (${rows}) where not coalesce(list_contains(getvariable('carried_months'), "month"), false)`;
    const folder = join(dir, name, `hospital_key=${hospitalKey(hospital ?? '')}`);
    await connection.run(`copy (${written}) to ${quoteLiteral(folder)} (format parquet, partition_by ("month"), overwrite_or_ignore)`);
  }
}
