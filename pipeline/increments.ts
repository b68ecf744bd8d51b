import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, quoteIdentifier, setVariables } from './db.ts';
import { martModelsFingerprint, relationOf, UPDATED_MODELS, type StepModels } from './plan.ts';

/**
 * The marts stage's increments step: the incremental marts (plan.ts, INCREMENTAL_MODELS) are
 * updated by key, the partitioned ones (PARTITIONED_MODELS) by period, the trailing ones
 * (TRAILING_MODELS) by day, when they were last built
 * under the fingerprint of this run (int_mart_fingerprint); otherwise (a changed model, SLA,
 * holiday, clock rule or survey definition, a first run, a warehouse from before them) they are
 * dropped and the versions they were built from forgotten, so every record counts as changed and
 * they are built whole.
 */
export async function prepareIncrements(connection: DuckDBConnection, models: StepModels): Promise<void> {
  await setVariables(connection, { mart_models: martModelsFingerprint() });
  await models.run('intermediate/int_mart_fingerprint');
  await models.run('intermediate/int_record_versions');
  const [row] = await queryRows<{ same: boolean }>(
    connection,
    'select (select fingerprint from int_record_versions limit 1) = (select fingerprint from int_mart_fingerprint) as same',
  );
  if (row?.same === true) return;
  for (const relation of [...UPDATED_MODELS].map(relationOf)) {
    await connection.run(`drop table if exists ${quoteIdentifier(relation)}`);
  }
  await connection.run('delete from int_record_versions');
}
