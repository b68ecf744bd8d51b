// Issue 11: a fixes file's line of the run summary (its path with its folders, its error and the
// names its rejection quotes) is redacted as an input file's is, so a hospital folder named after a
// person, a phone number, an e-mail address or an ID number reaches no published file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { publishedTexts } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const SECRETS = ['张三', '13812345678', 'pt@example.com', '110101199003074518'];

let ws: Workspace;
let published: Record<string, string>;
let summary: RunSummary;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('main/complaints.csv', 'id,received_at,department,text\nE1,2025-06-04 09:00,急诊科,排队太久\n');
  // three fixes files, each rejected whole, in folders named with personal data
  await ws.write('患者张三 13812345678/fixes.csv', 'warning_id,action\nW-1,加装床栏\n');
  await ws.write('pt@example.com/fixes.xlsx', 'fixed_on\n2025-06-01\n');
  await ws.write('110101199003074518/fixes.parquet', 'PAR1 not a parquet file');
  ({ summary } = await ws.run({ asOf: '2025-06-13' }));
  published = await publishedTexts(ws);
}, 600_000);

afterAll(async () => {
  await ws?.dispose();
});

describe('a fixes file in a folder named with personal data', () => {
  it('is in the run summary with its path, error and rejection redacted', () => {
    expect(summary.fixes?.map(({ path, status, error, rejection }) => ({ path, status, error, rejection }))).toEqual([
      {
        path: '[id]/fixes.parquet',
        status: 'rejected',
        error: "not a readable Parquet file: Invalid Input Error: No magic bytes found at end of file 'fixes.parquet'",
        rejection: { reason: 'rejection.unreadableParquet', values: { reason: "Invalid Input Error: No magic bytes found at end of file 'fixes.parquet'" } },
      },
      {
        path: '[email]/fixes.xlsx',
        status: 'rejected',
        error: 'fixes.xlsx is not a valid .xlsx file: it is not a zip archive (a CSV or other text renamed to .xlsx?)',
        rejection: { reason: 'rejection.xlsxNotZip', values: { file: 'fixes.xlsx' } },
      },
      {
        path: '患者[姓名] [phone]/fixes.csv',
        status: 'rejected',
        error: 'no fixed_on column',
        rejection: { reason: 'rejection.noFixedOn' },
      },
    ]);
  });

  it('reaches no published file', () => {
    expect(JSON.parse(published['run-summary.json']!).fixes).toEqual(JSON.parse(JSON.stringify(summary.fixes)));
    for (const secret of SECRETS) {
      expect(Object.entries(published).filter(([, text]) => text.includes(secret)).map(([name]) => name), secret).toEqual([]);
    }
  });
});
