/**
 * CSV the way hospital systems export it: RFC 4180 quoting only where needed, CRLF from Windows
 * tools, a BOM from "CSV for Excel" exports, GB18030 from Chinese Windows. One text cell can be
 * written with an opening quote that never closes, the classic broken export row.
 */
import iconv from 'iconv-lite';
import { quoteCsvField } from '../../../pipeline/publish/csv-cell.ts';

export interface CsvOptions {
  eol: '\r\n' | '\n';
  bom: boolean;
  encoding: 'utf8' | 'gb18030';
  /** Data-row indices whose `brokenColumn` cell opens a quote and never closes it. */
  brokenQuoteRows?: ReadonlySet<number>;
  brokenColumn?: string;
}

export function csvLine(values: readonly string[]): string {
  // join, not +=: a flat string instead of a rope keeps the benchmark writers out of the old generation.
  return values.map(quoteCsvField).join(',');
}

export function csvText(header: readonly string[], rows: readonly Readonly<Record<string, string>>[], options: CsvOptions): string {
  const brokenAt = options.brokenColumn === undefined ? -1 : header.indexOf(options.brokenColumn);
  const lines = [csvLine(header)];
  rows.forEach((row, i) => {
    const cells = header.map((h) => row[h] ?? '');
    if (brokenAt >= 0 && options.brokenQuoteRows?.has(i)) {
      const quoted = header.map((h, j) => (j === brokenAt ? `"${row[h] ?? ''}` : quoteCsvField(row[h] ?? '')));
      lines.push(quoted.join(','));
    } else {
      lines.push(csvLine(cells));
    }
  });
  return lines.join(options.eol) + options.eol;
}

export function encodeText(text: string, options: Pick<CsvOptions, 'bom' | 'encoding'>): Buffer {
  const body = options.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
