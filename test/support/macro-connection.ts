import { readFile } from 'node:fs/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

const MACROS = new URL('../../models/macros/', import.meta.url);

/**
 * An in-memory DuckDB connection with one file of models/macros loaded, opened before the calling
 * test file's tests and closed after them: the fixture of the tests that check a macro alone.
 *
 * @example const db = macroConnection('redact_pii'); // then, inside a test: await db().run(...)
 */
export function macroConnection(name: string): () => DuckDBConnection {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(await readFile(new URL(`${name}.sql`, MACROS), 'utf8'));
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return () => {
    if (connection === undefined) throw new Error(`macroConnection: ${name} is used outside a test`);
    return connection;
  };
}
