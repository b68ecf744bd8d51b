// Two hospitals writing the same language, with the same department, the same file name and the
// same ids, are kept apart in every mart (contract v2 section 1): `ALL` is per hospital, never a sum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const HEADER = 'id,received_at,department,category,kind,text,resolved_at';
// east: six complaints about queues in 急诊科 (three resolved), E1 and E2 from one phone;
// west: five about parking in 急诊科 (none resolved), F1 from east's phone, and one in 睡眠中心,
// a department no reference table knows. Both hospitals' files are complaints.csv, ids overlap.
const EAST = [
  HEADER,
  'F1,2025-05-12 09:00,急诊科,process,complaint,急诊排队太久 电话13812345678,2025-05-13 09:00',
  'F2,2025-05-13 09:00,急诊科,process,complaint,急诊排队两个小时 电话13812345678,2025-05-14 09:00',
  'F3,2025-05-14 09:00,急诊科,process,complaint,挂号排队太久没人管,2025-05-15 09:00',
  'F4,2025-05-15 09:00,急诊科,process,complaint,排队缴费太慢,',
  'F5,2025-05-16 09:00,急诊科,process,complaint,取药排队时间太长,',
  'F6,2025-05-19 09:00,急诊科,process,complaint,抽血排队人太多,',
].join('\n');
const WEST = [
  HEADER,
  'F1,2025-05-20 09:00,急诊科,facility,complaint,停车场没有车位 保安不管 电话13812345678,',
  'F2,2025-05-20 10:00,急诊科,facility,complaint,停车太难找不到车位,',
  'F3,2025-05-21 09:00,急诊科,facility,complaint,停车场收费太贵没有车位,',
  'F4,2025-05-22 09:00,急诊科,facility,complaint,停车场没有车位 保安不管 电话打不通,',
  'F5,2025-05-22 10:00,睡眠中心,facility,complaint,停车不方便,',
  'F6,2025-05-23 09:00,急诊科,facility,complaint,晚上停车场找不到车位,',
].join('\n');

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
  await ws.write('east/complaints.csv', EAST);
  await ws.write('west/complaints.csv', WEST);
  await ws.run({ asOf: '2025-05-30' });
});
afterAll(async () => {
  await ws.dispose();
});

describe('two same-language hospitals', () => {
  it('are two rows of dim_hospital, and the same department name is two departments', async () => {
    expect(await ws.query('select hospital, feedback_records, survey_responses from dim_hospital')).toEqual([
      { hospital: 'east', feedback_records: 6, survey_responses: 0 },
      { hospital: 'west', feedback_records: 6, survey_responses: 0 },
    ]);
    expect(await ws.query('select hospital, department, is_known from dim_department order by hospital, department')).toEqual([
      { hospital: 'east', department: '急诊科', is_known: true },
      { hospital: 'west', department: '急诊科', is_known: true },
      { hospital: 'west', department: '睡眠中心', is_known: false },
    ]);
  });

  it('complaint_kpis: ALL is each hospital\'s own month', async () => {
    expect(await ws.query("select hospital, department, received, resolved from mart_complaint_kpis where month = '2025-05' order by all")).toEqual([
      { hospital: 'east', department: 'ALL', received: 6, resolved: 3 },
      { hospital: 'east', department: '急诊科', received: 6, resolved: 3 },
      { hospital: 'west', department: 'ALL', received: 6, resolved: 0 },
      { hospital: 'west', department: '急诊科', received: 5, resolved: 0 },
      { hospital: 'west', department: '睡眠中心', received: 1, resolved: 0 },
    ]);
  });

  it('complaint_backlog and sla_breaches: open complaints per hospital', async () => {
    // complaint_sla.csv: process 3, facility 7 working days (CN calendar, no holiday in late May).
    // On Fri 30 May east's open F4 (received Thu 15, due Tue 20), F5 (Fri 16, due Wed 21) and F6
    // (Mon 19, due Thu 22) are past due; west's F1 and F2 (Tue 20, due Thu 29) are, F3 (Wed 21, due
    // Fri 30) and the later ones not yet
    expect(await ws.query('select hospital, department, open_complaints, past_due from mart_complaint_backlog order by all')).toEqual([
      { hospital: 'east', department: 'ALL', open_complaints: 3, past_due: 3 },
      { hospital: 'east', department: '急诊科', open_complaints: 3, past_due: 3 },
      { hospital: 'west', department: 'ALL', open_complaints: 6, past_due: 2 },
      { hospital: 'west', department: '急诊科', open_complaints: 5, past_due: 2 },
      { hospital: 'west', department: '睡眠中心', open_complaints: 1, past_due: 0 },
    ]);
    // the same ids in two hospitals are two complaints
    expect(await ws.query('select hospital, id, department from mart_open_cases where escalation_step >= 1 order by all')).toEqual([
      { hospital: 'east', id: 'F4', department: '急诊科' },
      { hospital: 'east', id: 'F5', department: '急诊科' },
      { hospital: 'east', id: 'F6', department: '急诊科' },
      { hospital: 'west', id: 'F1', department: '急诊科' },
      { hospital: 'west', id: 'F2', department: '急诊科' },
    ]);
  });

  it('repeat_complaints: one phone in two hospitals links only within each', async () => {
    // west's F1 carries east's phone but is no repeat of east's F1 (same id, department and phone);
    // west's F4 repeats west's own F1 in near-duplicate words
    expect(
      await ws.query('select hospital, id, parent_id, linked_by, grievance_id from int_complaint_grievances where is_repeat order by all'),
    ).toEqual([
      { hospital: 'east', id: 'F2', parent_id: 'F1', linked_by: 'contact', grievance_id: 'F1' },
      { hospital: 'west', id: 'F4', parent_id: 'F1', linked_by: 'text', grievance_id: 'F1' },
    ]);
    expect(await ws.query("select hospital, complaints, repeats from mart_repeat_complaints where department = 'ALL' order by all")).toEqual([
      { hospital: 'east', complaints: 6, repeats: 1 },
      { hospital: 'west', complaints: 6, repeats: 1 },
    ]);
  });

  it('data quality: an unknown department is reported with its hospital', async () => {
    expect(await ws.query('select hospital, department, feedback_records from mart_unknown_departments')).toEqual([
      { hospital: 'west', department: '睡眠中心', feedback_records: 1 },
    ]);
  });

  it('term marts: each hospital counts its own records and terms', async () => {
    expect(
      await ws.query("select hospital, recent_records, baseline_records from mart_term_window_counts where scope = 'ALL' group by all order by all"),
    ).toEqual([
      { hospital: 'east', recent_records: 6, baseline_records: 0 },
      { hospital: 'west', recent_records: 6, baseline_records: 0 },
    ]);
    // 排队 is in every complaint of east and none of west; 车位 in five of west's
    expect(await ws.query("select hospital, department, term, records from mart_department_term_counts where term in ('排队', '车位') order by all")).toEqual([
      { hospital: 'east', department: '急诊科', term: '排队', records: 6 },
      { hospital: 'west', department: '急诊科', term: '车位', records: 5 },
    ]);
    expect(await ws.query("select hospital, term, records from mart_term_monthly where month = '2025-05' and term in ('排队', '车位') order by all")).toEqual([
      { hospital: 'east', term: '排队', records: 6 },
      { hospital: 'west', term: '车位', records: 5 },
    ]);
    expect(
      await ws.query("select hospital, records, slice_records from mart_term_frequency where grain = 'month' and dimension = 'all' and term in ('排队', '车位') order by all"),
    ).toEqual([
      { hospital: 'east', records: 6, slice_records: 6 },
      { hospital: 'west', records: 5, slice_records: 6 },
    ]);
  });

  it('high-frequency issues: themes per hospital, counted over its records only', async () => {
    const rows = await ws.query<{ hospital: string; anchor_term: string; records: number; departments: string[] }>(
      "select hospital, anchor_term, records, departments from mart_high_frequency_issues where month = '2025-05' and rank = 1 order by hospital",
    );
    expect(rows.map((row) => [row.hospital, row.anchor_term, row.records, [...row.departments]])).toEqual([
      ['east', '排队', 6, ['急诊科 (6)']],
      ['west', '车位', 5, ['急诊科 (5)']],
    ]);
  });
});
