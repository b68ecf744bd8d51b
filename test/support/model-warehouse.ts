import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { normalizeConfig, type CliOptions } from '../../pipeline/config.ts';
import { queryRows, quoteIdentifier, runModel, setVariables } from '../../pipeline/db.ts';
import { PLAN } from '../../pipeline/plan.ts';
import { prepareSession } from '../../pipeline/warehouse-ingest.ts';

/** Every model the stage plan lists, in any stage and step. */
const PLANNED: ReadonlySet<string> = new Set(PLAN.flatMap((stage) => stage.steps.flatMap((step) => [...step.models])));

/** A small fixture for the models under test: rows by table, the session's variables, and the models. */
export interface ModelFixture {
  /** Rows inserted by column name into tables the warehouse stage made (landing, reference), before the models run. */
  rows?: Readonly<Record<string, readonly Readonly<Record<string, DuckDBValue>>[]>>;
  variables?: Readonly<Record<string, DuckDBValue>>;
  /** The models under test, run in this order; each must be one pipeline/plan.ts lists. */
  models: readonly string[];
  config?: CliOptions;
}

/**
 * The model-level test harness: an in-memory warehouse readied by the plan's warehouse stage
 * (macros, landing tables, reference tables, as a run readies it), the fixture's rows loaded, then
 * only the listed models run: no ingest, text stage, detection or publishing. Opened before the
 * calling test file's tests and closed after them.
 *
 * @example const db = modelWarehouse({ rows: { quarantine: [...] }, models: ['marts/mart_quarantine'] });
 *          // inside a test: await db().query('select * from mart_quarantine')
 */
export function modelWarehouse(fixture: ModelFixture): () => { connection: DuckDBConnection; query<T>(sql: string): Promise<T[]> } {
  const unplanned = fixture.models.filter((model) => !PLANNED.has(model));
  if (unplanned.length > 0) throw new Error(`modelWarehouse: ${unplanned.join(', ')} not in pipeline/plan.ts`);
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await prepareSession(connection, normalizeConfig({ lang: 'en', timezone: 'Asia/Shanghai', ...fixture.config }));
    for (const [table, rows] of Object.entries(fixture.rows ?? {})) {
      for (const row of rows) {
        const columns = Object.keys(row);
        await connection.run(
          `insert into ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) values (${columns.map((_, i) => `$p${i}`).join(', ')})`,
          Object.fromEntries(columns.map((column, i) => [`p${i}`, row[column] ?? null])),
        );
      }
    }
    await setVariables(connection, fixture.variables ?? {});
    for (const model of fixture.models) await runModel(connection, model);
  }, 60_000);
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return () => {
    const open = connection;
    if (open === undefined) throw new Error('modelWarehouse: used outside a test');
    return { connection: open, query: <T,>(sql: string) => queryRows<T>(open, sql) };
  };
}
