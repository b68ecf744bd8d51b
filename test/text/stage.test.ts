import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../pipeline/run.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// One small file in three languages; few records carry a category, so the lexicon infers the rest.
const CSV = [
  'id,received_at,department,category,text',
  'Z1,2025-06-01 08:00,急诊科,process,挂号窗口排队太久，等了两个小时',
  'Z2,2025-06-02 08:00,急诊科,,护士态度很差，爱答不理',
  'Z3,2025-06-03 08:00,心内科,,住院押金收费太高，医保报销也慢',
  'Z4,2025-06-04 08:00,心内科,cost,厕所太脏',
  'V1,2025-06-05 08:00,Khoa Nhi,,Thái độ nhân viên rất cáu gắt',
  'V2,2025-06-06 08:00,Khoa Nhi,,Nhà vệ sinh bẩn quá',
  'E1,2025-06-07 08:00,Emergency Department,,The toilets were dirty and smelly',
  'E2,2025-06-08 08:00,Emergency Department,,"Waited four hours in the queue, call me on 07700 900123"',
].join('\n');

let ws: Workspace;
let first: RunResult;
let feedback: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('feedback.csv', CSV);
  first = await ws.run();
  feedback = ws.exported('feedback');
});
afterAll(async () => {
  await ws.dispose();
});

const record = (id: string) => feedback.find((row) => row.id === id)!;

describe('text stage in a run', () => {
  it('gives every record its language in the feedback export', () => {
    expect(Object.fromEntries(feedback.map((row) => [row.id, row.lang]))).toEqual({
      Z1: 'zh', Z2: 'zh', Z3: 'zh', Z4: 'zh', V1: 'vi', V2: 'vi', E1: 'en', E2: 'en',
    });
  });

  it('infers the category of records that came without one, and never overwrites a given one', () => {
    expect(Object.fromEntries(feedback.map((row) => [row.id, `${row.category}/${row.category_source}`]))).toEqual({
      Z1: 'process/given',
      Z2: 'attitude/inferred',
      Z3: 'cost/inferred',
      Z4: 'cost/given', // the text speaks of toilets, but the source said cost
      V1: 'attitude/inferred',
      V2: 'facility/inferred',
      E1: 'facility/inferred',
      E2: 'process/inferred',
    });
  });

  it('reports how categories were inferred in the run summary', () => {
    const byLanguage = Object.fromEntries(first.summary.text.categories.map((report) => [report.lang, report]));
    expect(byLanguage.zh).toMatchObject({ method: 'lexicon', labelled: 2, inferred: 2 });
    expect(byLanguage.vi).toMatchObject({ method: 'lexicon', labelled: 0, inferred: 2 });
    expect(first.summary.text).toMatchObject({ analysed: 8, languages: { zh: 4, vi: 2, en: 2 } });
  });

  it('stores distinct terms per record, never a phone number or its placeholder', async () => {
    const terms = await ws.query<{ id: string; terms: string[] }>(
      "select id, list(term order by term) as terms from record_terms group by id order by id",
    );
    const byId = Object.fromEntries(terms.map((row) => [row.id, row.terms]));
    expect(byId.E2).toEqual(['call', 'four', 'hour', 'queue', 'wait']);
    expect(byId.Z1).toEqual(expect.arrayContaining(['挂号窗口', '排队', '太久']));
    expect(byId.V1).toEqual(expect.arrayContaining(['thái độ', 'nhân viên', 'cáu gắt']));
  });

  it('counts records holding a term per period and slice, beside every record of that slice', async () => {
    const rows = await ws.query<{ grain: string; period_start: string; dimension: string; value: string; records: number; slice_records: number }>(
      "select grain, strftime(period_start, '%Y-%m-%d') as period_start, dimension, value, records, slice_records from mart_term_frequency where lang = 'zh' and term = '排队' order by grain, dimension",
    );
    // Z1 (急诊科, 2025-06-01, a Sunday, category process) is the only record with 排队; 急诊科 has Z1 and
    // Z2, June has all eight records, the ISO week of 2025-05-26 has Z1 alone, 2025-06-01 has Z1 alone
    expect(rows.map((r) => [r.grain, r.period_start, r.dimension, r.value, r.records, r.slice_records])).toEqual([
      ['day', '2025-06-01', 'all', 'ALL', 1, 1],
      ['day', '2025-06-01', 'category', 'process', 1, 1],
      ['day', '2025-06-01', 'channel', 'other', 1, 1],
      ['day', '2025-06-01', 'department', '急诊科', 1, 1],
      ['month', '2025-06-01', 'all', 'ALL', 1, 8],
      ['month', '2025-06-01', 'category', 'process', 1, 2],
      ['month', '2025-06-01', 'channel', 'other', 1, 8],
      ['month', '2025-06-01', 'department', '急诊科', 1, 2],
      ['week', '2025-05-26', 'all', 'ALL', 1, 1],
      ['week', '2025-05-26', 'category', 'process', 1, 1],
      ['week', '2025-05-26', 'channel', 'other', 1, 1],
      ['week', '2025-05-26', 'department', '急诊科', 1, 1],
    ]);
  });

  it('reads nothing again on a second run, and only the changed record when one changes', async () => {
    expect((await ws.run()).summary.text.analysed).toBe(0);
    await ws.write('feedback.csv', CSV.replace('厕所太脏', '厕所太脏，没有热水'));
    const third = await ws.run();
    expect(third.summary.text.analysed).toBe(1);
    const [row] = await ws.query<{ terms: string[] }>("select list(term order by term) as terms from record_terms where id = 'Z4'");
    expect(row?.terms).toEqual(expect.arrayContaining(['热水']));
  });
});
