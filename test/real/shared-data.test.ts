import { copyFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHARED } from '../support/shared.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** The real public data sets beside the project (../shared/data), read-only. */
const SHARED_DATA = join(SHARED, 'data');
const FFT_MAPPING = resolve(import.meta.dirname, '../../data/mappings/nhs_fft.json');

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.dispose();
});

describe('NHS Friends and Family Test export, through the shipped column mapping', () => {
  it('loads the real file with every one of its 3,882 rows accounted for', async () => {
    await copyFile(join(SHARED_DATA, 'fft_gp_surgery/data.csv'), join(ws.input, 'fft.csv'));
    const { summary } = await ws.run({ mapping: [FFT_MAPPING], timezone: 'Europe/London' });
    const [file] = summary.files;
    // README: 3,882 responses; ratings Extremely likely 2,616 / Likely 901 / Neither 181 / Unlikely 94 /
    // Extremely unlikely 71 / Don't know 19; 11 surgeries
    expect(file).toMatchObject({ kind: 'survey', status: 'loaded', mapping: 'nhs-friends-and-family-test', rows_read: 3882 });
    expect(file!.loaded + file!.duplicates + file!.quarantined).toBe(3882);
    expect(file).toMatchObject({ loaded: 3882, duplicates: 0, quarantined: 0 });
    const scores = await ws.query<{ score: number; n: number }>('select score::integer as score, count(*)::integer as n from survey_answers group by 1 order by 1');
    expect(scores).toEqual([
      { score: 1, n: 71 },
      { score: 2, n: 94 },
      { score: 3, n: 181 },
      { score: 4, n: 901 },
      { score: 5, n: 2616 },
    ]);
    const [counts] = await ws.query<{ unanswered: number; surgeries: number; first: string; last: string }>(
      `select count(*) filter (where items_answered = 0)::integer as unanswered, count(distinct department)::integer as surgeries,
              strftime(min(submitted_at), '%Y-%m-%d') as first, strftime(max(submitted_at), '%Y-%m-%d') as last
       from fct_survey_response`,
    );
    expect(counts).toEqual({ unanswered: 19, surgeries: 11, first: '2023-07-13', last: '2024-04-05' });
    // GP surgeries are not hospital departments: kept as written and reported, never dropped
    expect(summary.data_quality.unknown_departments.find((d) => d.name === 'Earls Court Surgery')).toEqual({
      hospital: 'input', name: 'Earls Court Surgery', feedback_records: 0, survey_responses: 1270, suggestions: [],
    });
  });
});

describe('Chinese medical questions exported as GB18030, through a column mapping', () => {
  it('detects the encoding and loads all 7,644 questions with their 11 departments resolved', async () => {
    await copyFile(join(SHARED_DATA, 'zh_medical_dialogue_dept/raw_gb18030.csv'), join(ws.input, 'questions.csv'));
    // the file has no id or date: the mapping numbers the rows and stamps one date on them
    const mapping = {
      name: 'medical-dialogue',
      files: ['questions.csv'],
      kind: 'feedback',
      columns: {
        id: { row_number: true },
        received_at: { value: '2024-01-01' },
        department: 'department',
        kind: { value: 'consultation' },
        text: { join: ['title', 'ask'], separator: '：' },
      },
    };
    await writeFile(join(ws.root, 'mapping.json'), JSON.stringify(mapping));
    const { summary } = await ws.run({ mapping: [join(ws.root, 'mapping.json')] });
    expect(summary.files[0]).toMatchObject({ encoding: 'gb18030', rows_read: 7644, loaded: 7644, quarantined: 0, ignored_columns: ['answer'] });
    const departments = await ws.query<{ department: string; code: string; n: number }>(
      'select department_code as code, count(*)::integer as n from fct_feedback group by 1 order by n desc, code',
    );
    // README label counts: 肝病科 3,121; 消化科 1,414; 神经科 1,104; 心血管科 1,080; 内分泌科 558; 呼吸科 152;
    // 肾内科 80; 感染科 45; 血液科 40; 普通内科 32; 风湿免疫科 18
    expect(departments.map((d) => d.n)).toEqual([3121, 1414, 1104, 1080, 558, 152, 80, 45, 40, 32, 18]);
    expect(departments.every((d) => d.code !== null)).toBe(true);
    const [sample] = await ws.query<{ text: string }>("select text_raw as text from feedback_records where id = '1'");
    expect(sample?.text).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
