import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier } from './db.ts';

export interface TableColumn {
  readonly name: string;
  readonly type: 'varchar' | 'integer' | 'double' | 'boolean';
}

/** A cell as TypeScript produces it; null, and a double that is not finite, are written as NULL. */
export type TableCell = string | number | boolean | null;

/**
 * Replaces a table with rows computed in TypeScript (statistics, definitions), through the
 * Appender rather than one INSERT per row. The column list gives both the table's shape and the
 * order of each row's cells.
 *
 * @example await writeTable(connection, 'mart_x', [{ name: 'department', type: 'varchar' }], [['Khoa Nhi']])
 */
export async function writeTable(
  connection: DuckDBConnection,
  table: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
): Promise<void> {
  const definition = columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`).join(', ');
  await connection.run(`create or replace table ${quoteIdentifier(table)} (${definition})`);
  const appender = await connection.createAppender(table);
  try {
    for (const row of rows) {
      if (row.length !== columns.length) throw new RangeError(`writeTable: ${table} has ${columns.length} columns, a row has ${row.length}`);
      columns.forEach((column, i) => {
        const cell = row[i] ?? null;
        if (cell === null || (typeof cell === 'number' && !Number.isFinite(cell))) appender.appendNull();
        else if (column.type === 'varchar') appender.appendVarchar(String(cell));
        else if (column.type === 'integer') appender.appendInteger(Number(cell));
        else if (column.type === 'double') appender.appendDouble(Number(cell));
        else appender.appendBoolean(Boolean(cell));
      });
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}
