/**
 * Spreadsheet exports with a title block above the header, written with write-excel-file.
 * Timestamps become real Excel date cells; cells that are not valid timestamps stay text, as
 * when someone types into a date column. The zip entries' modification times are pinned so the
 * file is byte-identical on every run.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import { dayFromCivil, civilFromDay, stampOf, wallClockDate } from '../dates.ts';
import { writeFileAtomically } from '../../../pipeline/publish/output-file.ts';

export interface XlsxTable {
  sheet: string;
  /** Rows above the header (title, subtitle, blank rows as []). */
  preamble: readonly (readonly string[])[];
  header: readonly string[];
  rows: readonly Readonly<Record<string, string>>[];
  /** Columns written as date cells when their text is a valid `YYYY-MM-DD HH:MM[:SS]`. */
  dateColumns: ReadonlySet<string>;
  dateFormat: string;
  widths: Readonly<Record<string, number>>;
}

const timestamp = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall-clock time of a valid timestamp string, or null. */
export function parseTimestamp(text: string): number | null {
  const m = timestamp.exec(text);
  if (!m) return null;
  const [y, mo, d, hh, mm, ss] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const day = dayFromCivil(y, mo, d);
  const back = civilFromDay(day);
  if (back.y !== y || back.m !== mo || back.d !== d || hh > 23 || mm > 59 || ss > 59) return null;
  return stampOf(day, hh, mm, ss);
}

function cellOf(table: XlsxTable, column: string, value: string): Cell {
  if (value === '') return null;
  if (table.dateColumns.has(column)) {
    const stamp = parseTimestamp(value);
    if (stamp !== null) return { value: wallClockDate(stamp), type: Date, format: table.dateFormat };
  }
  return { value, type: String };
}

export async function writeXlsx(path: string, table: XlsxTable): Promise<void> {
  const data: Row[] = [];
  for (const line of table.preamble) {
    if (line.length === 0) data.push([null]);
    else data.push(line.map((v, i) => (i === 0 ? { value: v, fontWeight: 'bold' as const, columnSpan: line.length === 1 ? table.header.length : 1 } : { value: v })));
  }
  data.push(table.header.map((h) => ({ value: h, fontWeight: 'bold' as const })));
  for (const row of table.rows) data.push(table.header.map((h) => cellOf(table, h, row[h] ?? '')));
  const columns = table.header.map((h) => ({ width: table.widths[h] ?? 14 }));
  const buffer = await writeXlsxFile(data, { sheet: table.sheet, columns }).toBuffer();
  await writeFileAtomically(path, pinZipTimes(buffer));
}

/** DOS date of 2026-11-15 00:00, written into every zip entry. */
const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 15;

/** Overwrites the modification time of every entry, in the local headers and the central directory. */
export function pinZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('pinZipTimes: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let e = 0; e < entries; e++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('pinZipTimes: bad central directory entry');
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('pinZipTimes: bad local header');
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
