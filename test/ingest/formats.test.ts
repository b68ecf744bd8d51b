import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** The same three records, in every format and encoding of contract section 1. */
const HEADER = ['id', 'received_at', 'department', 'channel', 'text'];
const RECORDS = [
  ['1', '2025-01-05 09:30', '急诊科', '12345', '挂号窗口排队两个小时，工作人员态度很差'],
  ['2', '2025-01-06 14:00', 'Khoa Nhi', 'zalo', 'Nhân viên bãi gửi xe thu thêm tiền, thái độ không tốt'],
  ['3', '2025-01-07', 'Cardiology', 'email', 'The consultant explained everything clearly, thank you'],
];
const csv = (delimiter: string) => [HEADER, ...RECORDS].map((row) => row.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter)).join('\r\n') + '\r\n';

let ws: Workspace;
let summary: RunSummary;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('utf8.csv', csv(','));
  await ws.write('utf8_bom.csv', `\uFEFF${csv(',')}`);
  await ws.write('semicolon.csv', csv(';'));
  await ws.write('tabs.tsv', csv('\t'));
  await ws.write('gbk.csv', iconv.encode(csv(','), 'gb18030'));
  await ws.write('utf16le.csv', iconv.encode(csv(','), 'utf-16le', { addBOM: true }));
  await ws.write('utf16be.csv', iconv.encode(csv(','), 'utf-16be', { addBOM: true }));
  const objects = RECORDS.map((row) => Object.fromEntries(HEADER.map((name, i) => [name, row[i]])));
  await ws.write('lines.jsonl', `${objects.map((o) => JSON.stringify(o)).join('\n')}\n{"id": "4", "received_at": broken\n`);
  await ws.write('lines_bom.ndjson', `\uFEFF${objects.map((o) => JSON.stringify(o)).join('\n')}\n`);

  // Parquet, written by DuckDB with a real timestamp column, as a BI tool would export it
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`create table t as select * from read_csv('${join(ws.input, 'utf8.csv')}', header = true, all_varchar = true)`);
  await connection.run(`copy (select id::integer as id, received_at::timestamp as received_at, department, channel, text from t) to '${join(ws.root, 'export.parquet')}' (format parquet)`);
  connection.closeSync();
  instance.closeSync();
  const { copyFile } = await import('node:fs/promises');
  await copyFile(join(ws.root, 'export.parquet'), join(ws.input, 'export.parquet'));

  // xlsx as hospital offices export it: a title row and a blank row above the header
  const title = [{ value: '2025年1月投诉登记表', columnSpan: 5 }, null, null, null, null];
  const blank = [null, null, null, null, null];
  const rows = [title, blank, HEADER.map((value) => ({ value })), ...RECORDS.map((row) => row.map((value) => ({ value })))];
  await writeXlsxFile(rows as never).toFile(join(ws.input, 'register.xlsx'));

  ({ summary } = await ws.run());
});

afterAll(async () => {
  await ws.dispose();
});

describe('every format and encoding loads the same records', () => {
  const cases = [
    ['utf8.csv', 'utf-8'],
    ['utf8_bom.csv', 'utf-8-bom'],
    ['semicolon.csv', 'utf-8'],
    ['tabs.tsv', 'utf-8'],
    ['gbk.csv', 'gb18030'],
    ['utf16le.csv', 'utf-16le'],
    ['utf16be.csv', 'utf-16be'],
    ['lines.jsonl', 'utf-8'],
    ['lines_bom.ndjson', 'utf-8-bom'],
    ['export.parquet', undefined],
    ['register.xlsx', undefined],
  ] as const;

  it.each(cases)('%s is read as %s and loads three records', (path, encoding) => {
    const file = summary.files.find((f) => f.path === path);
    expect(file).toMatchObject({ status: 'loaded', kind: 'feedback', loaded: 3, encoding });
  });

  it.each(cases)('%s keeps every character of the text and the time', async (path) => {
    const source = path.replace(/\.[a-z]+$/, '');
    const rows = await ws.query<{ id: string; received_at: string; department_raw: string; text_raw: string }>(
      `select id, strftime(received_at, '%Y-%m-%d %H:%M') as received_at, department_raw, text_raw
       from feedback_records where source = '${source}' order by id`,
    );
    expect(rows.map((r) => [r.id, r.received_at, r.department_raw, r.text_raw])).toEqual([
      ['1', '2025-01-05 09:30', '急诊科', RECORDS[0]?.[4]],
      ['2', '2025-01-06 14:00', 'Khoa Nhi', RECORDS[1]?.[4]],
      ['3', '2025-01-07 00:00', 'Cardiology', RECORDS[2]?.[4]],
    ]);
  });

  it('quarantines a broken JSON line with its line number', () => {
    const file = summary.files.find((f) => f.path === 'lines.jsonl');
    expect(file).toMatchObject({ rows_read: 4, loaded: 3, quarantined: 1, quarantine_reasons: { 'broken JSON line': 1 } });
    const example = summary.data_quality.quarantine_by_reason.find((r) => r.reason === 'broken JSON line')?.examples;
    expect(example).toEqual([{ path: 'lines.jsonl', row: null, line: 4 }]);
  });
});
