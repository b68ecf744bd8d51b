import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../pipeline/db.ts';
import { appendRows } from '../pipeline/table-writer.ts';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

// the shape of a table a model creates for TypeScript to fill (models/marts/mart_high_frequency_issues.sql and the like)
const DDL = 'create or replace table t (name varchar not null, n integer, share double, kept boolean, places varchar[])';

describe('appendRows', () => {
  it('puts each value in the column it names, whatever order the row gives them in', async () => {
    await connection.run(DDL);
    await appendRows(connection, 't', [
      { places: ['A&E (3)', 'ward|2'], kept: true, share: 0.25, n: 3, name: 'first' },
      { name: 'second', n: null, share: Number.NaN, kept: false, places: [] },
    ]);
    const rows = await queryRows<{ name: string; n: number | null; share: number | null; kept: boolean; places: string }>(
      connection,
      'select name, n, share, kept, to_json(places)::varchar as places from t order by name',
    );
    expect(rows).toEqual([
      { name: 'first', n: 3, share: 0.25, kept: true, places: '["A&E (3)","ward|2"]' },
      // null, and a number that is not finite, are NULL
      { name: 'second', n: null, share: null, kept: false, places: '[]' },
    ]);
  });

  it('refuses a row that lacks a column or names one the table does not have', async () => {
    await connection.run(DDL);
    await expect(appendRows(connection, 't', [{ name: 'x', n: 1, share: 1, kept: true }])).rejects.toThrow(/has columns name, n, share, kept, places/);
    await expect(appendRows(connection, 't', [{ name: 'x', n: 1, share: 1, kept: true, place: [] }])).rejects.toThrow(/a row for t has no places/);
    await expect(appendRows(connection, 'no_such_table', [])).rejects.toThrow(/no table no_such_table/);
  });
});
