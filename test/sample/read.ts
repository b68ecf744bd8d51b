/**
 * Readers for the generated sample files, independent of the pipeline's own ingest: the tests
 * check the generator, not hearken. Every feedback timestamp comes back as local wall-clock text
 * `YYYY-MM-DD HH:MM[:SS]` (Excel dates rounded to the second, UK offsets dropped).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { readSheet } from 'read-excel-file/node';

export type Row = Record<string, string>;

export interface ReadTable {
  header: string[];
  rows: Row[];
  /** Spreadsheet row number (1-based, counting title and header rows; JSONL line) of each row. */
  rowNumbers: number[];
}

/** RFC 4180 records of a decoded CSV text; an unterminated quote runs on into the next record, as in any strict reader. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function decodeCsvBytes(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function wallClock(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const d = new Date(Math.round(value.getTime() / 1000) * 1000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  return String(value);
}

/** Local wall-clock text of a timestamp cell as written in any of the sample formats. */
export function localTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:[+-]\d{2}:\d{2}|Z)?$/.exec(text);
  return m ? `${m[1]} ${m[2]}${m[3] ?? ':00'}` : text;
}

export async function readTable(path: string): Promise<ReadTable> {
  const ext = extname(path);
  if (ext === '.csv') {
    const [header = [], ...records] = parseCsv(decodeCsvBytes(readFileSync(path)));
    return {
      header,
      rows: records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
      rowNumbers: records.map((_, i) => i + 2),
    };
  }
  if (ext === '.jsonl') {
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
    const rows = lines.map((l) => {
      const obj = JSON.parse(l) as Record<string, string | null>;
      return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v === null ? '' : k.endsWith('_at') ? localTime(v) : v]));
    });
    return { header: Object.keys(rows[0] ?? {}), rows, rowNumbers: rows.map((_, i) => i + 1) };
  }
  if (ext === '.xlsx') {
    const grid = await readSheet(path);
    const headerAt = grid.findIndex((r) => r[0] === 'id' || r[0] === 'response_id');
    const header = (grid[headerAt] ?? []).map((c) => String(c));
    const body = grid.slice(headerAt + 1);
    return {
      header,
      rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, wallClock(r[i])]))),
      rowNumbers: body.map((_, i) => headerAt + i + 2),
    };
  }
  if (ext === '.parquet') {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`select * replace (strftime(received_at, '%Y-%m-%d %H:%M:%S') as received_at, strftime(responded_at, '%Y-%m-%d %H:%M:%S') as responded_at, strftime(resolved_at, '%Y-%m-%d %H:%M:%S') as resolved_at) from read_parquet('${path.replace(/'/g, "''")}')`);
      const rows = reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
      return { header: reader.columnNames(), rows, rowNumbers: rows.map((_, i) => i + 1) };
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }
  throw new Error(`readTable: unsupported file ${path}`);
}
