import type { TableRow, TableValue } from '../../dashboards/filter-table.ts';
import { createRequire } from 'node:module';
import type * as Arrow from 'apache-arrow';

// apache-arrow's single-file build, the one the site ships to browsers (assets/apache-arrow.js): the
// same code as the Node build, loaded as one file instead of its many modules (0.06 CPU-s against
// 0.55 through tsx, in every process that publishes)
const { Bool, Field, Float64, List, Table, Utf8, tableToIPC, vectorFromArray } = createRequire(import.meta.url)('apache-arrow/Arrow.es2015.min') as typeof Arrow;

/** The rows of a page's filterable tables, by the name each <table data-table> gives. */
export type PageTables = Readonly<Record<string, readonly TableRow[]>>;

/**
 * A column's Arrow type, from its first value that is not null: text, a double, a boolean, or a
 * list of texts; a column of nulls only is text. (apache-arrow's own inference fails on an empty
 * list or a column of nulls.)
 */
function arrowType(values: readonly TableValue[]): Arrow.DataType {
  const value = values.find((v) => v !== null);
  if (typeof value === 'number') return new Float64();
  if (typeof value === 'boolean') return new Bool();
  if (Array.isArray(value)) return new List(new Field('item', new Utf8(), true));
  return new Utf8();
}

/** Rows as one Arrow table, a column per key of the first row. */
function arrowTable(rows: readonly TableRow[]): Arrow.Table {
  const names = Object.keys(rows[0] ?? {});
  const columns = Object.fromEntries(
    names.map((name) => {
      const values = rows.map((row) => row[name] ?? null);
      return [name, vectorFromArray(values, arrowType(values))];
    }),
  );
  return new Table(columns);
}

/**
 * The script that carries a page's tables to it: each as an Arrow IPC stream (apache-arrow's
 * tableToIPC), base64 in a string, since a page opened from file:// may not fetch a file but may
 * load a script. A table with no rows is left out (the page's table has no row to filter).
 *
 * @example tablesScript({ warnings: [{ severity: 'high' }] }) // '(self.hearkenTables = self.hearkenTables || {})["warnings"] = "QVJST1cx…";\n'
 */
export function tablesScript(tables: PageTables): string {
  const lines = Object.entries(tables)
    .filter(([, rows]) => rows.length > 0)
    .map(([name, rows]) => {
      const ipc = tableToIPC(arrowTable(rows), 'stream');
      return `(self.hearkenTables = self.hearkenTables || {})[${JSON.stringify(name)}] = ${JSON.stringify(Buffer.from(ipc).toString('base64'))};\n`;
    });
  return `// hearken: the data of this page's filterable tables, Arrow IPC (base64)\n${lines.join('')}`;
}
