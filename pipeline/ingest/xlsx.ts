/**
 * Reads the first sheet of an .xlsx export into an all-text grid, so that spreadsheet rows enter
 * the pipeline exactly like CSV rows and are typed later by the same staging SQL.
 *
 * read-excel-file (https://gitlab.com/catamphetamine/read-excel-file) does the unzipping and XML;
 * this module decides how its values become text:
 * - numbers: it would return a JS number; a `parseNumber` hook gets the number as written in the
 *   file instead, so integer ids keep every digit and float noise is cut at Excel's own 15
 *   significant digits (13.000000000000002 shows as 13 in Excel, and here).
 * - dates: it returns a `Date` whose UTC fields are Excel's wall-clock time, computed with
 *   Math.floor, so 09:30 arrives as 09:29:59.999Z. Rounding to the second and reading the UTC fields
 *   gives what Excel shows, with no time-zone shift.
 */
import type { InvalidInputErrorCode } from 'read-excel-file/node';
import { oneLine } from '../errors.ts';
import { UnreadableFile, type FileRejection } from './file-rejection.ts';

/** A numeric cell as written in the sheet XML, kept apart from text cells that look like numbers. */
class RawNumber {
  constructor(readonly raw: string) {}
}

/** Excel's day 0 as read-excel-file converts it: a time-only cell (serial < 1) lands on this day. */
const excelDayZero = Date.UTC(1899, 11, 30);
const dayMs = 86_400_000;

const invalidInputReasons: Record<Exclude<InvalidInputErrorCode, 'INPUT_TYPE_NOT_SUPPORTED'>, FileRejection['reason']> = {
  XLS_FILE_NOT_SUPPORTED: 'rejection.xlsxOldBinary',
  FILE_NOT_SUPPORTED: 'rejection.xlsxNotZip',
  INVALID_ZIP: 'rejection.xlsxDamaged',
  NO_DATA: 'rejection.xlsxEmpty',
};

/**
 * The first sheet as rows of strings: '' for an empty cell, numbers in plain decimal notation,
 * booleans as 'true'/'false', dates as `YYYY-MM-DD HH:MM:SS` (`YYYY-MM-DD` at midnight, `HH:MM:SS`
 * for a time-only cell) in the wall-clock time Excel shows. Text cells are trimmed (the library's
 * default) and rows keep their sheet order, blank ones included, so title rows can be skipped with
 * `findHeaderRow`.
 *
 * @example
 *   await readXlsxGrid('exports/2024年投诉登记表.xlsx')
 *   // [['2024年投诉登记表', '', ''], ['', '', ''], ['id', 'received_at', 'text'], ['123456789012', '2024-01-05 09:30:00', '...']]
 * @throws UnreadableFile `<file> is not a valid .xlsx file: <reason>` (one line; its rejection names the reason).
 */
export async function readXlsxGrid(path: string): Promise<string[][]> {
  // loaded here, not with the module: most inputs hold no workbook, and the library is 70 files to load
  const { InvalidInputError, readSheet } = await import('read-excel-file/node');
  let rows: unknown[][];
  try {
    rows = await readSheet(path, 1, { parseNumber: (raw: string) => new RawNumber(raw) });
  } catch (error) {
    // a path is the one input the library takes (INPUT_TYPE_NOT_SUPPORTED): any other failure is in its own words
    const known = error instanceof InvalidInputError && error.code !== 'INPUT_TYPE_NOT_SUPPORTED' ? invalidInputReasons[error.code] : undefined;
    throw new UnreadableFile(known === undefined ? { reason: 'rejection.xlsxUnreadable', values: { file: path, reason: oneLine(error) } } : { reason: known, values: { file: path } });
  }
  return rows.map((row) => row.map(cellText));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof RawNumber) return numberText(value.raw);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return numberText(String(value));
  return String(value);
}

/**
 * A number as Excel shows it in a General cell, without exponent: integers written in the file
 * are kept digit for digit; anything else is rounded to 15 significant digits, Excel's precision.
 * An 18-digit ID number typed as a number is already rounded by Excel itself, so such ids survive
 * only when the sheet stores them as text, as hospital systems do.
 */
export function numberText(raw: string): string {
  if (/^-?\d+$/.test(raw)) return raw;
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  return plainDecimal(n.toPrecision(15));
}

/** '1.23456789012346e+17' -> '123456789012346000', '1.00000000000000e-7' -> '0.0000001', '13.0000' -> '13'. */
function plainDecimal(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return s;
  const sign = m[1] ?? '';
  const whole = m[2] ?? '';
  let digits = whole + (m[3] ?? '');
  let point = whole.length + Number(m[4] ?? '0');
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const text = fracPart ? `${intPart}.${fracPart}` : intPart;
  return text === '0' ? '0' : sign + text;
}

function dateText(date: Date): string {
  const ms = Math.round(date.getTime() / 1000) * 1000;
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  if (ms >= excelDayZero && ms < excelDayZero + dayMs) return time;
  const day = `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/**
 * Index of the first of the top `maxScan` rows that `isHeader` accepts, or -1. Hospital exports
 * put a title ("2024年投诉登记表", "BÁO CÁO KHẢO SÁT HÀI LÒNG NGƯỜI BỆNH") and blank rows above
 * the real header.
 *
 * @example
 *   findHeaderRow(grid, (cells) => cells.includes('received_at')) // 2
 */
export function findHeaderRow(grid: string[][], isHeader: (cells: string[]) => boolean, maxScan = 20): number {
  const limit = Math.min(grid.length, maxScan);
  for (let i = 0; i < limit; i++) {
    const row = grid[i];
    if (row && isHeader(row)) return i;
  }
  return -1;
}
