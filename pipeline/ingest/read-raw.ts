import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdentifier, quoteLiteral, queryRows } from '../db.ts';
import { oneLine } from '../errors.ts';
import type { StepModels } from '../plan.ts';
import type { InputFile, InputFormat } from './discover.ts';
import { detectEncoding, readTextHead, transcodeLinesToUtf8, transcodeToUtf8, type RecodedLine, type TextEncoding } from './encoding.ts';
import { UnreadableFile } from './file-rejection.ts';
import { findHeaderRow, readXlsxGrid } from './xlsx.ts';

/**
 * What reading a file into DuckDB gave: temp table raw_rows holds its data rows with the file's
 * own column names, every value text; temp table raw_broken (load/raw_broken.sql) holds rows that
 * could not be parsed. raw_rows alone is made here, not by a model: its columns are the file's header.
 */
export interface RawTable {
  headers: string[];
  encoding: TextEncoding | null;
  /**
   * SQL over raw_rows giving each record's row as a person finds it in the file: the sheet row of
   * a spreadsheet, the line of a JSON Lines file, the row of a CSV as a spreadsheet shows it.
   */
  position: string;
  /** Lines of a text file decoded with another encoding than the file's. */
  recoded: RecodedLine[];
}

/** The quarantine reason (code) of a line no encoding decodes (see transcodeLinesToUtf8). */
const UNDECODABLE_LINE = 'line_not_text';

/**
 * A record's place among the records of raw_rows: 1, 2, 3, … in file order (see columns.ts). The
 * rowid is named by its table: inside a subquery over another table (csvPosition's count of the
 * broken rows before the record) a bare rowid would be that table's.
 */
export const RECORD_ORDINAL = '(raw_rows.rowid - (select min(rowid) from raw_rows) + 1)';

/** The column the readers that know each record's place add to raw_rows. */
const POSITION_COLUMN = '__hearken_position';


/** Decides whether a row of cells is the header row (title rows above it are skipped). */
export type HeaderTest = (cells: string[]) => boolean;

const HEADER_SCAN_ROWS = 20;
const HEAD_BYTES = 256 * 1024;

/** Reads any input format into raw_rows / raw_broken; text files are first made UTF-8. `models`: the step's, which list READ_MODELS (pipeline/plan.ts). */
export async function readRawTable(connection: DuckDBConnection, file: InputFile, isHeader: HeaderTest, models: StepModels): Promise<RawTable> {
  await connection.run('drop table if exists raw_rows; drop table if exists raw_broken_places');
  await models.run('load/raw_broken');
  const format = file.format as InputFormat;
  if (format === 'parquet') return readParquet(connection, file.path);
  if (format === 'xlsx') return readXlsx(connection, file.path, isHeader);

  const detected = await detectEncoding(file.path).catch((error: unknown) => {
    throw new UnreadableFile(readerError(error, file.path));
  });
  let utf8Path = file.path;
  let scratch: string | null = null;
  let recoded: RecodedLine[] = [];
  try {
    if (detected.needsTranscode) {
      scratch = await mkdtemp(join(tmpdir(), 'hearken-'));
      utf8Path = join(scratch, basename(file.path));
      if (detected.encoding === 'utf-16le' || detected.encoding === 'utf-16be') await transcodeToUtf8(file.path, utf8Path, detected.encoding);
      else {
        const lines = await transcodeLinesToUtf8(file.path, utf8Path, detected.encoding);
        recoded = lines.recoded;
        // the line stays in the file, empty (readers skip it), so every later line keeps its number
        const appender = await connection.createAppender('raw_broken', 'main', 'temp');
        for (const line of lines.undecodable) {
          appender.appendNull();
          appender.appendInteger(line);
          appender.appendVarchar(UNDECODABLE_LINE);
          appender.appendNull();
          appender.endRow();
        }
        appender.closeSync();
      }
    }
    const read =
      format === 'jsonl'
        ? await readJsonLines(connection, utf8Path, models)
        : await readDelimited(connection, utf8Path, format, await readTextHead(utf8Path, 'utf-8', HEAD_BYTES), isHeader, models);
    return { ...read, encoding: detected.encoding, recoded };
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * A reader's error as the one line a file's report carries. Readers quote the absolute path, which
 * shows the server's folders (and a temp copy's) in the published summary: it is cut to the name.
 */
function readerError(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return oneLine(message.replaceAll(path, basename(path)));
}

async function columnNames(connection: DuckDBConnection, table: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(connection, `select name from pragma_table_info('${table}') order by cid`);
  return rows.map((row) => row.name);
}

/** The delimiter a header line most likely uses. */
function guessDelimiter(line: string): string {
  const candidates = [',', '\t', ';', '|'];
  const counts = candidates.map((d) => line.split(d).length);
  return candidates[counts.indexOf(Math.max(...counts))] ?? ',';
}

function splitHeaderLine(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

async function readDelimited(
  connection: DuckDBConnection,
  path: string,
  format: 'csv' | 'tsv',
  head: string,
  isHeader: HeaderTest,
  models: StepModels,
): Promise<Omit<RawTable, 'encoding' | 'recoded'>> {
  const lines = head.split(/\r?\n/).slice(0, HEADER_SCAN_ROWS);
  const headerIndex = lines.findIndex((line) => isHeader(splitHeaderLine(line, format === 'tsv' ? '\t' : guessDelimiter(line))));
  const skip = Math.max(headerIndex, 0);
  const delimiter = format === 'tsv' ? '\t' : guessDelimiter(lines[skip] ?? '');
  const headers = uniqueHeaders(splitHeaderLine(lines[skip] ?? '', delimiter));
  // The dialect is given, not sniffed: DuckDB's sniffer gives up on a whole file for one broken row.
  const columns = `{${headers.map((name) => `${quoteLiteral(name)}: 'VARCHAR'`).join(', ')}}`;
  await connection.run('drop table if exists reject_errors; drop table if exists reject_scans');
  try {
    await connection.run(
      `create temp table raw_rows as
       select * from read_csv($path, auto_detect = false, header = true, skip = $skip, columns = ${columns},
                              delim = $delimiter, quote = '"', escape = '"',
                              store_rejects = true, rejects_table = 'reject_errors', rejects_scan = 'reject_scans')`,
      { path, skip, delimiter },
    );
  } catch (error) {
    throw new UnreadableFile({ reason: 'rejection.unreadableTable', values: { format: format.toUpperCase(), reason: readerError(error, path) } });
  }
  // The reader reports every bad column of a rejected row, and a quote that is never closed makes
  // it read the rows after it into that one rejected row. Each line of it with a row's worth of
  // delimiters is counted as a row caught there, so no row disappears inside a broken one. A row
  // longer than the reader's limit (DuckDB's max_line_size, 2,000,000 bytes: one enormous line) is
  // not broken, and says so.
  await connection.run(
    `insert into raw_broken
     with rejected as (
         select line::integer as file_line, arg_min(error_message, column_idx) as message, any_value(csv_line) as csv_line,
                any_value(error_message) filter (where error_type = 'LINE SIZE OVER MAXIMUM') as too_long
         from reject_errors group by line
     ),
     counted as (
         select *, greatest(1, len(list_filter(string_split(csv_line, chr(10)),
                    text -> length(text) - length(replace(text, $delimiter, '')) >= $minimum))) as rows_caught
         from rejected
     )
     select null, file_line, if(too_long is null, 'broken_csv_row', 'csv_row_too_long'),
            case when too_long is not null then too_long
                 when rows_caught = 1 then left(message, 200)
                 else 'a quote is not closed: ' || rows_caught || ' rows were read as one' end
     from counted, range(rows_caught)
     order by file_line`,
    { delimiter, minimum: Math.max(headers.length - 1, 1) },
  );
  return { headers, position: await csvPosition(connection, skip, models) };
}

/**
 * The row of a CSV record as a spreadsheet shows it: its place among the records, after the lines
 * skipped and the header, and after the broken rows before it (load/raw_broken_places.sql).
 */
async function csvPosition(connection: DuckDBConnection, skip: number, models: StepModels): Promise<string> {
  const firstDataRow = skip + 2;
  const [broken] = await queryRows<{ n: number }>(connection, 'select count(*)::integer as n from raw_broken');
  if (!broken?.n) return `(${RECORD_ORDINAL} + ${firstDataRow - 1})`;
  await connection.run(models.sql('load/raw_broken_places'), { first_data_row: firstDataRow });
  return `(${RECORD_ORDINAL} + ${firstDataRow - 1} + (select count(*) from raw_broken_places where records_before < ${RECORD_ORDINAL}))`;
}

/**
 * JSON Lines are read as lines first, so that a broken line is quarantined with its line number
 * instead of failing the file; the keys of all objects become the columns.
 */
async function readJsonLines(connection: DuckDBConnection, path: string, models: StepModels): Promise<Omit<RawTable, 'encoding' | 'recoded'>> {
  await connection.run(models.sql('load/raw_lines'), { path });
  await connection.run(
    `insert into raw_broken select null, file_line, 'broken_json_line', left(line, 200) from raw_lines where not is_object`,
  );
  const keys = await queryRows<{ key: string }>(
    connection,
    `select key from (select unnest(json_keys(line)) as key, file_line from raw_lines where is_object)
     group by key order by min(file_line), key`,
  );
  const headers = keys.map((row) => row.key);
  const select = headers.map((key) => `line ->> ${quoteLiteral(`$."${key.replaceAll('"', '\\"')}"`)} as ${quoteIdentifier(key)}`);
  await connection.run(
    `create temp table raw_rows as select ${[...select, `file_line as ${POSITION_COLUMN}`].join(', ')}
     from raw_lines where is_object order by file_line`,
  );
  return { headers, position: quoteIdentifier(POSITION_COLUMN) };
}

async function readParquet(connection: DuckDBConnection, path: string): Promise<RawTable> {
  try {
    await connection.run('create temp table raw_rows as select columns(*)::varchar from read_parquet($path)', { path });
  } catch (error) {
    throw new UnreadableFile({ reason: 'rejection.unreadableParquet', values: { reason: readerError(error, path) } });
  }
  return { headers: await columnNames(connection, 'raw_rows'), encoding: null, position: `(${RECORD_ORDINAL} + 1)`, recoded: [] };
}

async function readXlsx(connection: DuckDBConnection, path: string, isHeader: HeaderTest): Promise<RawTable> {
  let grid: string[][];
  try {
    grid = await readXlsxGrid(path);
  } catch (error) {
    // the summary names the file by its place in the input folder, never the server's path
    if (error instanceof UnreadableFile && error.rejection !== undefined) {
      throw new UnreadableFile({ ...error.rejection, values: { ...error.rejection.values, file: basename(path) } });
    }
    throw new UnreadableFile(readerError(error, path));
  }
  const headerIndex = Math.max(findHeaderRow(grid, isHeader, HEADER_SCAN_ROWS), 0);
  const headerCells = grid[headerIndex] ?? [];
  const headers = uniqueHeaders(headerCells);
  await connection.run(
    `create temp table raw_rows (${[...headers.map((h) => `${quoteIdentifier(h)} varchar`), `${POSITION_COLUMN} integer`].join(', ')})`,
  );
  const appender = await connection.createAppender('raw_rows', 'main', 'temp');
  for (let index = headerIndex + 1; index < grid.length; index++) {
    const row = grid[index] ?? [];
    if (!row.some((cell) => cell.trim() !== '')) continue;
    for (let column = 0; column < headers.length; column++) {
      const cell = row[column] ?? '';
      if (cell === '') appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.appendInteger(index + 1);
    appender.endRow();
  }
  appender.closeSync();
  return { headers, encoding: null, position: quoteIdentifier(POSITION_COLUMN), recoded: [] };
}

/** Header cells as column names: blanks named by position, repeats numbered, as DuckDB does for CSV. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const name = cell.trim() === '' ? `column${index + 1}` : cell.trim();
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}_${count}`;
  });
}
