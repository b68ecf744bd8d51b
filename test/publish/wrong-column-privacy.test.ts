// Personal data in the wrong column (README, "What hearken refuses and why"): a phone number, an ID
// number, an e-mail or a titled name in the folder or file name, the hospital, the id, the
// department, a coded value, the location or an extra column reaches no published file, and no
// page's file name.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import { macroConnection } from '../support/macro-connection.ts';
import { publishedTexts } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** Every planted identifier and name, each of which must be absent from everything published. */
const SECRETS = [
  '13812345678', '13912345678', '13900001111', '0912345678', '0987654321', '+84 912 345 670', '07700 900123',
  '110101199003074518', '079201001234', 'pt@example.com', 'x.y@benhvien.vn', '张三', '王五', 'Smith', 'Nguyễn Văn An',
];

let ws: Workspace;
let published: Record<string, string>;
let summary: RunSummary;

beforeAll(async () => {
  ws = await createWorkspace();
  // hospital from the folder name, source from the file name
  await ws.write(
    '患者张三 13812345678/calls 0912345678.csv',
    [
      'id,received_at,department,location,channel,text,note',
      '1,2025-01-06 08:00,急诊科,3楼 电话13912345678,hotline,排队太久,联系 pt@example.com',
      '13900001111,2025-01-07 08:00,急诊科,门诊大厅,hotline,护士态度差,',
      '3,2025-01-08 08:00,患者王五,大厅,0987654321,护士态度差,',
      '4,2025-01-09 08:00,Mrs Smith 07700 900123,大厅,hotline,排队太久,',
    ].join('\n'),
  );
  await ws.write(
    'main/survey.csv',
    [
      'response_id,submitted_at,department,hospital,q_a1,comment',
      'r1,2025-01-06,内科,Bệnh viện +84 912 345 670,4,bệnh nhân Nguyễn Văn An rất hài lòng',
      'x.y@benhvien.vn,2025-01-07,内科,,5,',
      'r3,2025-01-08,内科 110101199003074518,,5,',
      'r4,2025-01-09,079201001234,,4,',
    ].join('\n'),
  );
  ({ summary } = await ws.run({ asOf: '2025-01-31' }));
  published = await publishedTexts(ws);
}, 600_000);

afterAll(async () => {
  await ws?.dispose();
});

describe('personal data in the wrong column', () => {
  it('reaches no published file and no published file name', () => {
    expect(Object.keys(published).length).toBeGreaterThan(10);
    for (const secret of SECRETS) {
      const leaks = Object.entries(published).filter(([name, text]) => name.includes(secret) || text.includes(secret)).map(([name]) => name);
      expect(leaks, secret).toEqual([]);
    }
    expect(readdirSync(ws.out).join('\n')).not.toMatch(/[0-9]{9}/);
  });

  it('keeps the records: hospitals and sources redacted, departments withheld whole', async () => {
    const rows = await ws.query<{ hospital: string; source: string; department_raw: string; n: number }>(
      'select hospital, source, department_raw, count(*)::integer as n from feedback_records group by all order by all',
    );
    expect(rows).toEqual([
      { hospital: '患者[姓名] [phone]', source: 'calls [phone]', department_raw: '[withheld]', n: 2 },
      { hospital: '患者[姓名] [phone]', source: 'calls [phone]', department_raw: '急诊科', n: 1 },
    ]);
    const surveys = await ws.query<{ hospital: string; department_raw: string }>('select hospital, department_raw from survey_responses order by response_id');
    expect(surveys).toEqual([
      { hospital: 'Bệnh viện [phone]', department_raw: '内科' },
      { hospital: 'main', department_raw: '[withheld]' },
      { hospital: 'main', department_raw: '[withheld]' },
    ]);
  });

  it('quarantines a record whose id holds personal data, with its reason and without its value', async () => {
    const counts = Object.fromEntries(summary.files.map((file) => [file.path, file.quarantine_reasons]));
    expect(counts).toEqual({
      '患者[姓名] [phone]/calls [phone].csv': { 'id holds personal data': 1 },
      'main/survey.csv': { 'response_id holds personal data': 1 },
    });
    expect(await ws.query('select value from quarantine where value is not null')).toEqual([]);
  });
});

describe('withhold_pii (models/macros/redact_pii.sql)', () => {
  const db = macroConnection('redact_pii');
  const withhold = async (value: string | null) => (await db().runAndReadAll('select withhold_pii($1) as v', [value])).getRowObjectsJS()[0]?.v;

  it.each([
    ['张三 13812345678', '[withheld]'],
    ['患者王五', '[withheld]'],
    ['Mrs Smith', '[withheld]'],
    ['079201001234', '[withheld]'],
    ['a@b.com', '[withheld]'],
    ['急诊科', '急诊科'],
    ['Khoa Nhi 2', 'Khoa Nhi 2'],
    ['12345 hotline', '12345 hotline'],
  ])('%s → %s', async (value, expected) => {
    expect(await withhold(value)).toBe(expected);
  });

  it('null stays null', async () => {
    expect(await withhold(null)).toBeNull();
  });
});
