import { LIST, listValue, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from './db.ts';

/** A cell as TypeScript produces it; null, and a double that is not finite, are written as NULL. */
export type TableCell = string | number | boolean | null;

/** A value of a row appended by name: a cell, or the texts of a varchar[] column. */
export type AppendedValue = TableCell | readonly string[];

/**
 * Appends rows computed in TypeScript to a table whose DDL is a model (models/), through the
 * Appender. Each row names its columns: the table's own columns, read from DuckDB, give the order
 * and the types, so a value cannot land in its neighbour's column, and a row that lacks a column
 * or names one the table does not have is refused. Null, and a number that is not finite, are
 * written as NULL.
 *
 * @example await appendRows(connection, 'mart_department_keywords', [{ hospital: 'h', department: 'ER', ... }])
 */
export async function appendRows(connection: DuckDBConnection, table: string, rows: readonly Readonly<Record<string, AppendedValue>>[]): Promise<void> {
  const columns = await queryRows<{ name: string; type: string }>(
    connection,
    "select column_name as name, data_type as type from duckdb_columns() where schema_name = 'main' and table_name = $table order by column_index",
    { table },
  );
  if (columns.length === 0) throw new RangeError(`appendRows: no table ${table}`);
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      if (Object.keys(row).length !== columns.length) throw new RangeError(`appendRows: ${table} has columns ${columns.map((c) => c.name).join(', ')}; a row has ${Object.keys(row).join(', ')}`);
      for (const { name, type } of columns) {
        if (!(name in row)) throw new RangeError(`appendRows: a row for ${table} has no ${name}`);
        const value = row[name] ?? null;
        if (value === null || (typeof value === 'number' && !Number.isFinite(value))) appender.appendNull();
        else if (type === 'VARCHAR[]') appender.appendList(listValue([...(value as readonly string[])]), LIST(VARCHAR));
        else if (type === 'VARCHAR') appender.appendVarchar(String(value));
        else if (type === 'INTEGER') appender.appendInteger(Number(value));
        else if (type === 'DOUBLE') appender.appendDouble(Number(value));
        else if (type === 'BOOLEAN') appender.appendBoolean(Boolean(value));
        else throw new RangeError(`appendRows: ${table}.${name} is ${type}, which appendRows does not write`);
      }
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
