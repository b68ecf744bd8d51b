import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/**
 * Contract section 5, complaint_kpis, worked by hand on six records (run date 2025-06-30; the
 * workspace's zone Asia/Shanghai gives calendar CN; SLAs are working days, the day of receipt not
 * counted, March 2025 has no CN holiday):
 * 急诊科, March: C1 process, received Sat 1 Mar, 3 working days Mon 3 .. Wed 5 → due Wed 5 Mar,
 * resolved Mon 3 (within), satisfied yes; C2 process, received Sun 2 Mar → due Wed 5 Mar, resolved
 * Thu 6 (late), satisfied no; C3 cost, open, pending; C4 no category, takes `other`'s 15 working
 * days from Mon 10 Mar → due Mon 31 Mar, resolved Thu 20 (within); P1 is praise and does not
 * count. 心内科, April: C5 responded, still open.
 * 急诊科 March: received 4, responded 3 (C1, C2, C4), resolved 3, satisfied 1;
 *   response 3/4 = 75 %, resolution 3/4 = 75 %, satisfaction yes/(yes+no) = 1/2 = 50 %,
 *   within SLA 2/3 = 66.67 %, median hours to resolve of 48, 96, 240 = 96; beyond the contract,
 *   median hours to respond of 1, 2, 8 = 2, none escalated, 2 resolved within SLA.
 * 心内科 April: received 1, responded 1, resolved 0: resolution 0 %; satisfaction, SLA and median
 *   have no denominator and stay blank.
 */
const CSV = [
  'id,received_at,department,category,kind,text,responded_at,resolved_at,satisfied',
  'C1,2025-03-01 08:00,急诊科,process,complaint,排队,2025-03-01 09:00,2025-03-03 08:00,yes',
  'C2,2025-03-02 08:00,急诊科,process,complaint,排队,2025-03-02 10:00,2025-03-06 08:00,no',
  'C3,2025-03-05 08:00,急诊科,cost,complaint,收费,,,pending',
  'C4,2025-03-10 00:00,急诊科,,complaint,其他,2025-03-10 08:00,2025-03-20 00:00,',
  'P1,2025-03-11 00:00,急诊科,,praise,感谢,,,',
  'C5,2025-04-02 00:00,心内科,attitude,complaint,态度,2025-04-02 10:00,,',
].join('\n');

let ws: Workspace;
let rows: Record<string, string>[];
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('complaints.csv', CSV);
  await ws.run();
  rows = ws.exported('complaint_kpis');
});
afterAll(async () => {
  await ws.dispose();
});

describe('complaint_kpis export', () => {
  it('has the contract columns first, then its own', () => {
    expect(Object.keys(rows[0]!)).toEqual([
      'hospital', 'department', 'month', 'received', 'responded', 'resolved', 'satisfied', 'response_rate', 'resolution_rate',
      'satisfaction_rate', 'within_sla_rate', 'median_hours_to_resolve',
      'median_hours_to_respond', 'escalated', 'resolved_within_sla', 'satisfaction_answers',
      'responded_in_time_rate', 'solved_rate', 'referred', 'responded_in_time', 'solved', 'solved_answers',
      'gov_hotline_received', 'gov_hotline_responded_in_time_rate', 'gov_hotline_resolution_rate',
      'gov_hotline_solved_rate', 'gov_hotline_satisfaction_rate', 'weighted_score', 'run_id',
    ]);
  });

  it('matches the hand-worked month of 急诊科, and ALL equals it', () => {
    const march = rows.filter((r) => r.month === '2025-03');
    expect(march.map((r) => r.department)).toEqual(['ALL', '急诊科']);
    for (const row of march) {
      expect(row).toMatchObject({ received: '4', responded: '3', resolved: '3', satisfied: '1', response_rate: '75.0', resolution_rate: '75.0', satisfaction_rate: '50.0' });
      expect(Number(row.within_sla_rate)).toBeCloseTo(66.6667, 3);
      expect(Number(row.median_hours_to_resolve)).toBe(96);
      expect(row).toMatchObject({ escalated: '0', resolved_within_sla: '2' });
      expect(Number(row.median_hours_to_respond)).toBe(2);
    }
  });

  it('leaves a rate blank when it has no denominator, and writes 0 when it has one', () => {
    const april = rows.find((r) => r.month === '2025-04' && r.department !== 'ALL');
    expect(april).toMatchObject({ received: '1', responded: '1', resolved: '0', resolution_rate: '0.0', satisfaction_rate: '', within_sla_rate: '', median_hours_to_resolve: '' });
  });
});

/**
 * The rates as a 12345 office counts them, worked by hand on one department's March 2025 (calendar
 * CN, no holiday in March; a working day = Monday to Friday). Response limits: the shipped `*` 1
 * working day and gov_hotline 24 hours, and the hospital's own file, which adds hotline from source
 * `complaints` 2 working days and replaces the shipped walk_in 0 with 1 working day. All process
 * (SLA 3 working days, the day of receipt not counted).
 *   R1 hotline Mon 3 09:00, answered Mon 3 (due Wed 5: in time), resolved Wed 5 (due Thu 6: within), solved yes, satisfied yes
 *   R2 hotline Mon 3 10:00, answered Wed 5 13:00 (due Wed 5: in time), resolved Fri 7 (late), solved no, satisfied no
 *   R3 walk_in Fri 7 10:00, answered Mon 10 08:00 (due Mon 10 by the hospital's row; the shipped 0 would make it late), open
 *   R4 gov_hotline Tue 11 09:00, answered Wed 12 08:00 (23 h: in time), resolved Fri 14 (due Fri 14: within), solved yes, satisfied yes
 *   R5 gov_hotline Tue 11 09:00, answered Wed 12 10:00 (25 h: late), open, solved no
 *   R6 gov_hotline Wed 12, referred to an outside authority, never answered: in received and referred, off the clock
 *   R7 hotline Mon 17, never answered: not in time
 * received 7, referred 1; responded_in_time 4 (R1-R4) / 6 on the clock = 66.67 %; resolution 3/7 = 42.86 %;
 * within SLA 2/3 = 66.67 %; solved 2/4 = 50 %; satisfaction 2/3 = 66.67 %.
 * 12345 alone (R4-R6): received 3, in time 1/2 = 50 %, resolution 1/3 = 33.33 %, solved 1/2 = 50 %,
 * satisfaction 1/1 = 100 %. Weights responded_in_time 2, solved 1, satisfaction 1:
 * (2 × 66.67 + 50 + 66.67) / 4 = 62.5. 心内科's (cardiology, shown as the hospital writes it) April complaint has no solved answer: no score.
 */
const RATES_CSV = [
  'id,received_at,department,category,channel,status,text,responded_at,resolved_at,solved,satisfied',
  'R1,2025-03-03 09:00,急诊科,process,hotline,closed,排队,2025-03-03 15:00,2025-03-05 10:00,yes,yes',
  'R2,2025-03-03 10:00,急诊科,process,hotline,closed,排队,2025-03-05 13:00,2025-03-07 10:00,no,no',
  'R3,2025-03-07 10:00,急诊科,process,walk_in,handling,排队,2025-03-10 08:00,,,',
  'R4,2025-03-11 09:00,急诊科,process,12345,closed,排队,2025-03-12 08:00,2025-03-14 17:00,yes,yes',
  'R5,2025-03-11 09:00,急诊科,process,12345,handling,排队,2025-03-12 10:00,,no,',
  'R6,2025-03-12 09:00,急诊科,process,12345,转报,医保政策,,,,',
  'R7,2025-03-17 09:00,急诊科,process,hotline,received,排队,,,,',
  'R8,2025-04-02 09:00,心内科,process,hotline,handling,态度,2025-04-02 10:00,,,yes',
].join('\n');

describe('complaint_kpis: the rates as practised', () => {
  let rates: Workspace;
  let line: (department: string, month: string) => Record<string, string>;
  beforeAll(async () => {
    rates = await createWorkspace();
    await rates.write('complaints.csv', RATES_CSV);
    await rates.write(
      'hearken.config.json',
      JSON.stringify({ reference_dirs: ['../reference'], cases: { score_weights: { responded_in_time: 2, solved: 1, satisfaction: 1 } } }),
    );
    await mkdir(join(rates.root, 'reference'));
    await writeFile(join(rates.root, 'reference', 'response_limits.csv'), 'channel,source,response_limit,unit\nhotline,complaints,2,working_days\nwalk_in,,1,working_days\n');
    // the hospital (the input folder's name) gave its visits for March; April has none
    await writeFile(join(rates.root, 'reference', 'visits.csv'), 'hospital,month,visits\ninput,2025-03,1400\nother hospital,2025-03,10\n');
    await rates.run();
    const exported = rates.exported('complaint_kpis');
    line = (department, month) => exported.find((r) => r.department === department && r.month === month)!;
  });
  afterAll(async () => {
    await rates.dispose();
  });

  it('gives complaints per 1,000 visits for the month visits.csv gives: 7 in 1,400 visits = 5; a hospital without records is left out', () => {
    expect(rates.exported('complaint_visit_rates').map(({ hospital, month, received, visits, complaints_per_1000_visits }) => ({ hospital, month, received, visits, complaints_per_1000_visits }))).toEqual([
      { hospital: 'input', month: '2025-03', received: '7', visits: '1400', complaints_per_1000_visits: '5.0' },
    ]);
  });

  it('matches the hand-worked month, and ALL equals it', () => {
    for (const department of ['急诊科', 'ALL']) {
      const row = line(department, '2025-03');
      expect(row).toMatchObject({ received: '7', referred: '1', responded_in_time: '4', resolved: '3', solved: '2', solved_answers: '4', resolved_within_sla: '2' });
      expect(Number(row.responded_in_time_rate)).toBeCloseTo(66.6667, 3);
      expect(Number(row.resolution_rate)).toBeCloseTo(42.8571, 3);
      expect(Number(row.within_sla_rate)).toBeCloseTo(66.6667, 3);
      expect(Number(row.solved_rate)).toBe(50);
      expect(Number(row.satisfaction_rate)).toBeCloseTo(66.6667, 3);
      expect(Number(row.weighted_score)).toBeCloseTo(62.5, 6);
    }
  });

  it('gives the 12345 work orders their own rates', () => {
    const row = line('急诊科', '2025-03');
    expect(row.gov_hotline_received).toBe('3');
    expect(Number(row.gov_hotline_responded_in_time_rate)).toBe(50);
    expect(Number(row.gov_hotline_resolution_rate)).toBeCloseTo(33.3333, 3);
    expect(Number(row.gov_hotline_solved_rate)).toBe(50);
    expect(Number(row.gov_hotline_satisfaction_rate)).toBe(100);
  });

  it('leaves the score blank when a weighted rate has no denominator, and the 12345 rates when there is no work order', () => {
    expect(line('心内科', '2025-04')).toMatchObject({
      received: '1', solved_rate: '', weighted_score: '', gov_hotline_received: '0', gov_hotline_responded_in_time_rate: '',
    });
  });

  it('leaves the score blank when no weights are configured', () => {
    expect(rows.every((row) => row.weighted_score === '')).toBe(true);
  });
});
