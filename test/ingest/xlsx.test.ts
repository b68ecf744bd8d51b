import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import writeExcelFile, { type SheetData } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHeaderRow, numberText, readXlsxGrid } from '../../pipeline/ingest/xlsx.ts';

const title = '2024年投诉登记表 / BÁO CÁO KHẢO SÁT HÀI LÒNG NGƯỜI BỆNH';
const header = ['id', 'received_at', 'visit_date', 'department', 'text', 'fee', 'national_id', 'satisfied', 'call_time'];

// Dates are written as UTC instants whose fields are the wall-clock time, which is how
// write-excel-file turns them into Excel serial numbers (days since 1899-12-30, UTC based).
const sheet: SheetData = [
  [{ value: title, columnSpan: header.length }],
  [],
  header,
  [
    { value: 123456789012, type: Number },
    { value: new Date(Date.UTC(2024, 0, 5, 9, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' },
    { value: new Date(Date.UTC(2024, 0, 4)), type: Date, format: 'dd/mm/yyyy' },
    '急诊科',
    '挂号窗口排队两个小时，工作人员态度很差',
    13.000000000000002,
    { value: '110101199003071234', type: String, format: '@' },
    true,
    { value: new Date(Date.UTC(1899, 11, 30, 14, 5)), type: Date, format: 'hh:mm' },
  ],
  [
    { value: 123456789013, type: Number },
    { value: new Date(Date.UTC(2024, 1, 29, 23, 59, 59)), type: Date, format: 'yyyy"年"m"月"d"日" hh:mm:ss' },
    { value: new Date(Date.UTC(2024, 1, 29)), type: Date, format: 'd/m/yyyy' },
    'Khoa Cấp cứu',
    'Bệnh nhân phải chờ đợi quá lâu, nhân viên thái độ không tốt',
    0.1 + 0.2,
    { value: '079204001234', type: String, format: '@' },
    false,
    null,
  ],
  [
    { value: 123456789014, type: Number },
    { value: new Date(Date.UTC(2024, 2, 1, 0, 0)), type: Date, format: 'yyyy-mm-dd hh:mm' },
    null,
    'Emergency',
    'Charged £45 for parking',
    1234.5,
    null,
    null,
    null,
  ],
];

const expectedGrid = [
  [title, '', '', '', '', '', '', '', ''],
  ['', '', '', '', '', '', '', '', ''],
  header,
  ['123456789012', '2024-01-05 09:30:00', '2024-01-04', '急诊科', '挂号窗口排队两个小时，工作人员态度很差', '13', '110101199003071234', 'true', '14:05:00'],
  ['123456789013', '2024-02-29 23:59:59', '2024-02-29', 'Khoa Cấp cứu', 'Bệnh nhân phải chờ đợi quá lâu, nhân viên thái độ không tốt', '0.3', '079204001234', 'false', ''],
  ['123456789014', '2024-03-01', '', 'Emergency', 'Charged £45 for parking', '1234.5', '', '', ''],
];

let dir: string;
let workbook: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearken-xlsx-'));
  workbook = path.join(dir, 'complaints.xlsx');
  await writeExcelFile(sheet).toFile(workbook);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readXlsxGrid', () => {
  it('reads the first sheet as text: ids whole, no float noise, wall-clock dates', async () => {
    expect(await readXlsxGrid(workbook)).toEqual(expectedGrid);
  });

  it('gives the same text whatever the time zone of the process', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Asia/Ho_Chi_Minh', 'Asia/Shanghai']) {
        process.env.TZ = tz;
        expect(await readXlsxGrid(workbook)).toEqual(expectedGrid);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  const broken: [string, () => Promise<Buffer>, string][] = [
    ['a CSV renamed to .xlsx', async () => Buffer.from('id,received_at\n1,2024-01-05\n'), 'not a zip archive'],
    ['a truncated .xlsx', async () => (await readFile(workbook)).subarray(0, 1000), 'damaged or truncated'],
    ['an empty file', async () => Buffer.alloc(0), 'empty'],
  ];
  for (const [name, bytes, reason] of broken) {
    it(`rejects ${name} with one line naming the file`, async () => {
      const file = path.join(dir, `${name.replaceAll(' ', '-')}.xlsx`);
      await writeFile(file, await bytes());
      const error = await readXlsxGrid(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(`${file} is not a valid .xlsx file: `);
      expect(message).toContain(reason);
      expect(message).not.toContain('\n');
    });
  }
});

describe('numberText', () => {
  it('writes numbers as Excel shows them (15 significant digits), never in exponent form', () => {
    // Excel stores 0.1+0.2 as 0.30000000000000004 and shows 0.3; 18-digit numbers it shows
    // rounded to 15 digits (123456789012345678 typed as a number appears as 123456789012346000).
    expect(numberText('0.30000000000000004')).toBe('0.3');
    expect(numberText('13.000000000000002')).toBe('13');
    expect(numberText('-45.500000000000007')).toBe('-45.5');
    expect(numberText('1.2345678901234568E+17')).toBe('123456789012346000');
    expect(numberText('1E+15')).toBe('1000000000000000');
    expect(numberText('9.9999999999999995E-8')).toBe('0.0000001');
    expect(numberText('123456789012345678')).toBe('123456789012345678'); // integers as written
  });
});

describe('findHeaderRow', () => {
  const hasReceivedAt = (cells: string[]) => cells.includes('received_at');

  it('skips the title and blank rows above the header', () => {
    expect(findHeaderRow(Object.freeze(expectedGrid.map((row) => Object.freeze([...row]))) as string[][], hasReceivedAt)).toBe(2);
  });

  it('returns -1 when no row within maxScan is a header', () => {
    expect(findHeaderRow(expectedGrid, hasReceivedAt, 2)).toBe(-1);
    expect(findHeaderRow(expectedGrid, (cells) => cells.includes('submitted_at'))).toBe(-1);
    expect(findHeaderRow([], hasReceivedAt)).toBe(-1);
  });
});
