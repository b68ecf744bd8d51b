import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';
import { main } from '../pipeline/cli.ts';
import { oneLine } from '../pipeline/errors.ts';
import { silentProgress } from '../pipeline/progress.ts';
import { markdownTable } from './table.ts';

/**
 * Columns that hold text as it was received (names, phone numbers), and the tables that hold them
 * or secrets. A notebook's rendered copy is shared like a report, so it reads the redacted text and
 * the marts only. A guard against slips, not a wall: the warehouse file itself is not protected.
 */
const UNREDACTED_COLUMNS = /\b(text_raw|comment_raw|contact_hash)\b/i;
const UNREDACTED_TABLES = /\b(?:from|join)\s+(?:"?\w+"?\.)?"?(feedback_records|survey_responses|quarantine|warehouse_secrets)\b/i;

/** Refuses a query that names raw text; the message says what to read instead. */
export function checkRedacted(sql: string): void {
  const match = UNREDACTED_COLUMNS.exec(sql) ?? UNREDACTED_TABLES.exec(sql);
  if (match !== null) throw new Error(`${match[1]} holds unredacted data: read the marts and fct_feedback.text_redacted instead`);
}

/** A query's column names and rows as plain values (counts as numbers where safe, dates as text). */
export interface QueryResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Types that JSON gives as text (counts, sums, decimals): shown as numbers where exact. */
const NUMERIC_AS_TEXT = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.DECIMAL]);

export async function runQuery(connection: DuckDBConnection, sql: string): Promise<QueryResult> {
  checkRedacted(sql);
  const reader = await connection.runAndReadAll(sql);
  const columns = reader.columnNames();
  const numeric = reader.columnTypes().map((type) => NUMERIC_AS_TEXT.has(type.typeId));
  const rows = reader.getRowObjectsJson().map((row) =>
    Object.fromEntries(
      columns.map((column, i) => {
        const value = row[column];
        const number = typeof value === 'string' && numeric[i] ? Number(value) : NaN;
        return [column, Number.isSafeInteger(Math.trunc(number)) ? number : value];
      }),
    ),
  );
  return { columns, rows };
}

/** What a ```ts cell sees as `nb`. */
export interface NotebookContext {
  /** The notebook's parameters: the params cell's defaults with --set applied. */
  readonly params: Readonly<Record<string, string>>;
  /** The warehouse file the notebook reads (read-only). */
  readonly db: string;
  /** A scratch folder of this run, removed when the run ends. */
  readonly scratch: string;
  /** Values one cell keeps for the cells after it. */
  readonly state: Record<string, unknown>;
  /** Rows of a query on the warehouse; raw text is refused as in a ```sql cell. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Shows rows as a table below the cell (columns: those of the first row unless given). */
  table(rows: readonly Record<string, unknown>[], columns?: readonly string[]): void;
  /** Shows the analyst's own Markdown below the cell (data belongs in nb.table, which escapes). */
  markdown(text: string): void;
  /** Runs a hearken command in this process, e.g. ['backtest', '--input', dir, …]; its output lines. */
  hearken(args: readonly string[]): Promise<string[]>;
}

/** A context whose shown output is collected into `output`, for the runner to place below the cell. */
export function createContext(
  connection: DuckDBConnection,
  fields: { params: Record<string, string>; db: string; scratch: string; state: Record<string, unknown> },
  output: string[],
): NotebookContext {
  return {
    ...fields,
    query: async (sql) => (await runQuery(connection, sql)).rows,
    table(rows, columns) {
      output.push(markdownTable(columns ?? Object.keys(rows[0] ?? {}), rows));
    },
    markdown(text) {
      output.push(text.endsWith('\n') ? text : `${text}\n`);
    },
    async hearken(args) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...args], { out: (text) => void out.push(text), err: (text) => void err.push(text), progress: () => silentProgress });
      if (code !== 0) throw new Error(`hearken ${args[0] ?? ''} exited ${code}: ${oneLine(err.join('').trim() || 'no message')}`);
      return out.join('').split('\n').filter((line) => line !== '');
    },
  };
}
