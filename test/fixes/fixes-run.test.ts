import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import type { Warning, WarningsFile } from '../../pipeline/warnings/warnings.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * A fall with a fracture (S1, 骨科, 3 Mar 2025) raises a sentinel warning on 4 Mar. The hospital
 * records a fix for it on 10 Mar. By hand, as of 20 Apr (Asia/Shanghai):
 *   before: 16 Dec 2024 .. 9 Mar 2025 (84 days): B1, B2 and S1, the 骨科 quality complaints → 3;
 *   waiting: 10 .. 23 Mar: W1 is not counted; after: 24 Mar .. 20 Apr (28 days): A1..A9 → 9;
 *   no year of history (the first record is of Jan 2025): not season-adjusted.
 *   R: poisson.test(c(9, 3), c(28, 84)) → rate ratio 9, 95% CI 2.246053 51.684009: rose → reopened.
 */
const CSV = [
  'id,received_at,department,category,kind,text',
  'B1,2025-01-10 09:00,骨科,quality,complaint,换药不及时',
  'B2,2025-02-10 09:00,骨科,quality,complaint,护理不到位',
  'S1,2025-03-03 10:00,骨科,quality,complaint,老人上厕所时摔了一跤骨折了，护工当时不在。',
  'W1,2025-03-15 09:00,骨科,quality,complaint,护理不到位',
  ...Array.from({ length: 9 }, (_, i) => `A${i + 1},2025-04-${String(1 + 2 * i).padStart(2, '0')} 09:00,骨科,quality,complaint,护理不到位，呼叫铃没人应`),
  'O1,2025-04-02 09:00,心血管内科,quality,complaint,护理不到位',
].join('\n');

let ws: Workspace;
let sentinel: Warning;
const json = <T>(name: string) => JSON.parse(readFileSync(join(ws.out, name), 'utf8')) as T;

beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run({ asOf: '2025-03-04' }, new Date('2025-06-30T04:00:00Z'));
  sentinel = json<WarningsFile>('warnings.json').warnings.find((warning) => warning.kind === 'sentinel')!;
  await ws.write(
    'fixes.csv',
    [
      'warning_id,department,category,keywords,fixed_on,action',
      `${sentinel.id},,,,2025-03-10,加装床栏，家属联系电话13812345678`,
      ',骨科,,护理,2025-04-15,夜班增加一名护士',
      'W-000000000000,,,,2025-03-10,x',
      ',不存在的科室,,,2025-03-10,x',
      ',骨科,,,2025/13/40,x',
      ',,,护理,,x',
      ',,food,,2025-03-10,x',
      ',,,,2025-03-10,x',
    ].join('\n'),
  );
  await ws.run({ asOf: '2025-04-20' }, new Date('2025-06-30T04:00:00Z'));
  // two runs: on a machine shared with other tests they take longer than the default minute
}, 300_000);
afterAll(async () => {
  await ws.dispose();
});

describe('fixes verified (整改 → 复查) in hearken run', () => {
  it('accounts for every row of the fixes file in the run summary, one reason per bad row', () => {
    const summary = json<RunSummary>('run-summary.json');
    expect(summary.fixes).toEqual([
      {
        path: 'fixes.csv',
        status: 'loaded',
        rows_read: 8,
        reviewed: 2,
        quarantined: 6,
        quarantine_reasons: {
          'warning_id is not a warning hearken raised': 1,
          'department has no records in its hospital': 1,
          'fixed_on is not a date': 1,
          'fixed_on is empty': 1,
          'category is not process, attitude, quality, cost, facility or other': 1,
          'no warning_id, department, category, location or keywords: nothing to review': 1,
        },
        quarantine_reason_codes: {
          fix_warning_unknown: 1,
          fix_department_unknown: 1,
          fixed_on_not_a_date: 1,
          fixed_on_empty: 1,
          fix_category_unknown: 1,
          fix_nothing_to_review: 1,
        },
      },
    ]);
    // the fixes file is not a feedback file that failed
    expect(summary.files.map((file) => file.path)).toEqual(['complaints.csv']);
  });

  it('exports each fix’s review to the as-of date with the hand-worked counts, ratio and verdict', () => {
    const rows = ws.exported('fix_reviews').filter((row) => row.is_current === 'true');
    const fix = rows.find((row) => row.warning_id === sentinel.id)!;
    expect([fix.department, fix.category, fix.before_start, fix.before_end, fix.after_start, fix.after_end]).toEqual(['骨科', 'quality', '2024-12-16', '2025-03-09', '2025-03-24', '2025-04-20']);
    expect([fix.before_complaints, fix.after_complaints, fix.after_days, fix.season_adjusted, fix.verdict, fix.reopens]).toEqual(['3', '9', '28', 'false', 'rose', 'true']);
    expect(Number(fix.rate_ratio)).toBeCloseTo(9, 9);
    expect(Number(fix.ci_low)).toBeCloseTo(2.2460533505911924, 6);
    expect(Number(fix.ci_high)).toBeCloseTo(51.68400938069991, 5);
    expect(fix.action).not.toContain('13812345678');
    const soon = rows.find((row) => row.fixed_on === '2025-04-15')!;
    expect([soon.verdict, soon.judge_from, soon.after_end, soon.reopens]).toEqual(['too_soon', '2025-05-26', '', 'false']);
    expect(rows.every((row) => row.hospital !== '' && row.run_id !== '')).toBe(true);
  });

  it('keeps the review at each month’s end: at the end of March the fix was too soon to judge', () => {
    const march = ws.exported('fix_reviews').find((row) => row.warning_id === sentinel.id && row.reviewed_on === '2025-03-31')!;
    expect([march.after_days, march.verdict]).toEqual(['8', 'too_soon']);
  });

  it('reopens the warning whose fix did not work, ongoing, with the reason, on its department page', () => {
    const warning = json<WarningsFile>('warnings.json').warnings.find((w) => w.id === sentinel.id)!;
    expect(warning.status).toBe('ongoing');
    expect(warning.reopened_reason).toMatch(/^Reopened after the fix of 2025-03-10: Complaints rose after the fix \(3 complaints in the 84 days before 2025-03-10; 9 in the 28 days/);
    const page = readFileSync(join(ws.out, 'departments', 'orthopedics-zh.html'), 'utf8');
    expect(page).toContain('Fixes and whether they worked');
    expect(page).toContain('Too soon to judge: judged from 2025-05-26');
    expect(page).toContain('Reopened after the fix of 2025-03-10');
    // each language's page says it in its own
    expect(readFileSync(join(ws.out, 'zh', 'departments', 'orthopedics-zh.html'), 'utf8')).toContain('2025-03-10 的整改复查后重新开启：整改后投诉反而增加');
    expect(readFileSync(join(ws.out, 'vi', 'departments', 'orthopedics-zh.html'), 'utf8')).toContain('Mở lại sau biện pháp ngày 2025-03-10');
  });
});
