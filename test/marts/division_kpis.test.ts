import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../pipeline/config.ts';
import { runModel } from '../../pipeline/db.ts';
import { loadReferenceTables } from '../../pipeline/ingest/reference.ts';
import { modelsOfStep } from '../../pipeline/plan.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * mart_division_kpis at the model level, on hand-made department tables and marts. The department
 * tables put cardiology and respiratory under `medicine`, itself a row (内科系统 / Khối Nội /
 * Medicine division), and emergency under 急诊系统, a name no row has; a hospital's own folder
 * (file_rank 2) renames respiratory and leaves its parent blank: the shipped parent stays.
 * Two hospitals write 心内科: each keeps its own roll-up.
 *
 * 江州, 2025-06, medicine = 心内科 + 呼吸科:
 *   received 10 + 5 = 15, referred 2 + 0 = 2, responded in time 6 + 5 = 11 → 11 / (15 − 2) = 84.615…%
 *   resolved 7 + 5 = 12 → 12 / 15 = 80%; solved 3 + 1 = 4 of 4 + 1 = 5 answers → 80%
 *   satisfied 5 + 2 = 7 of 8 + 2 = 10 answers → 70%
 *   surveys: 6 + 5 = 11 respondents (≥ 10), 48 + 30 = 78 of 60 + 50 = 110 answers → 70.909…%, mean 430 / 110
 * 江州, 2025-05, medicine: no complaints; 12 respondents of 呼吸科, 96 of 120 → 80%
 * 江州, 2025-06, 急诊系统 = 急诊科: 3 received, nothing else; no survey → suppressed
 * 东院, 2025-06, medicine = its 心内科: 4 received, 2 in time → 50%; 3 respondents → suppressed
 * The hospitals' `ALL` rows and the unknown Frailty Hub belong to no division.
 */
const db = modelWarehouse({ models: [], variables: { satisfaction_min_responses: 10 } });

const kpi = (hospital: string, department: string, month: string, counts: number[]) => {
  const [received, referred, inTime, resolved, solved, solvedAnswers, satisfied, satisfactionAnswers] = counts;
  return `('${hospital}', '${department}', '${month}', ${received}, ${referred}, ${inTime}, ${resolved}, ${solved}, ${solvedAnswers}, ${satisfied}, ${satisfactionAnswers})`;
};

async function build(parents: boolean) {
  const { connection } = db();
  await connection.run(`
    create or replace table ref_departments_raw as
    select * from (values
        ('cardiology', 'Cardiology', '心血管内科', 'Khoa Nội tim mạch', ${parents ? "'medicine'" : 'null::varchar'}, 1),
        ('respiratory', 'Respiratory Medicine', '呼吸与危重症医学科', 'Khoa Nội hô hấp', ${parents ? "'medicine'" : 'null::varchar'}, 1),
        ('respiratory', null::varchar, '呼吸科', null::varchar, null::varchar, 2),
        ('emergency', 'Emergency Department', '急诊科', 'Khoa Cấp cứu', ${parents ? "'急诊系统'" : 'null::varchar'}, 1),
        ('medicine', 'Medicine division', '内科系统', 'Khối Nội', null, 1)
    ) as t(code, name_en, name_zh, name_vi, parent, file_rank)`);
  await connection.run(`
    create or replace table dim_department as
    select * from (values
        ('江州', '心内科', 'cardiology', '心内科', 'zh', true),
        ('江州', '心血管内科', 'cardiology', '心内科', 'zh', true),
        ('江州', '呼吸科', 'respiratory', '呼吸科', 'zh', true),
        ('江州', '急诊科', 'emergency', '急诊科', 'zh', true),
        ('江州', 'Frailty Hub', null, 'Frailty Hub', null, false),
        ('东院', '心内科', 'cardiology', '心内科', 'zh', true)
    ) as t(hospital, department_raw, department_code, department, name_lang, is_known)`);
  await connection.run(`
    create or replace table mart_complaint_kpis as
    select * from (values
        ${kpi('江州', '心内科', '2025-06', [10, 2, 6, 7, 3, 4, 5, 8])},
        ${kpi('江州', '呼吸科', '2025-06', [5, 0, 5, 5, 1, 1, 2, 2])},
        ${kpi('江州', '急诊科', '2025-06', [3, 0, 0, 0, 0, 0, 0, 0])},
        ${kpi('江州', 'Frailty Hub', '2025-06', [2, 0, 2, 2, 0, 0, 0, 0])},
        ${kpi('江州', 'ALL', '2025-06', [20, 2, 13, 14, 4, 5, 7, 10])},
        ${kpi('东院', '心内科', '2025-06', [4, 0, 2, 4, 0, 0, 0, 0])},
        ${kpi('东院', 'ALL', '2025-06', [4, 0, 2, 4, 0, 0, 0, 0])}
    ) as t(hospital, department, month, received, referred, responded_in_time, resolved, solved, solved_answers, satisfied, satisfaction_answers)`);
  await connection.run(`
    create or replace table mart_satisfaction_period_counts as
    select * from (values
        ('江州', '心内科', 'all', 'month', '2025-06', 'all', 6, 60, 48, 240.0),
        ('江州', '心内科', 'inpatient', 'month', '2025-06', 'all', 6, 60, 48, 240.0),
        ('江州', '心内科', 'all', 'month', '2025-06', 'A', 6, 12, 12, 60.0),
        ('江州', '呼吸科', 'all', 'month', '2025-06', 'all', 5, 50, 30, 190.0),
        ('江州', '呼吸科', 'all', 'month', '2025-05', 'all', 12, 120, 96, 500.0),
        ('江州', 'ALL', 'all', 'month', '2025-06', 'all', 11, 110, 78, 430.0),
        ('东院', '心内科', 'all', 'month', '2025-06', 'all', 3, 30, 20, 110.0),
        -- a week's row: the months alone are rolled up
        ('江州', '心内科', 'all', 'week', '2025-06-02', 'all', 5, 50, 50, 250.0)
    ) as t(hospital, department, patient_type, grain, period, dimension, responses, answers, satisfied_answers, score_sum)`);
  await runModel(connection, 'staging/stg_departments');
  await runModel(connection, 'intermediate/int_department_reference');
  await runModel(connection, 'marts/mart_division_kpis');
}

describe('mart_division_kpis', () => {
  it('rolls a division’s departments up per hospital and month, with the rates and the index as hand-worked', async () => {
    await build(true);
    const rows = await db().query<Record<string, unknown>>(
      `select hospital, division, division_zh, division_vi, division_en, month, received, referred, responded_in_time_rate, resolution_rate,
              solved_rate, satisfaction_rate, responses, pct_satisfied, mean_score, suppressed
       from mart_division_kpis order by hospital, month, division`,
    );
    const close = (value: number) => expect.closeTo(value, 9);
    expect(rows).toEqual([
      {
        hospital: '东院', division: 'medicine', division_zh: '内科系统', division_vi: 'Khối Nội', division_en: 'Medicine division', month: '2025-06',
        received: 4, referred: 0, responded_in_time_rate: 50, resolution_rate: 100, solved_rate: null, satisfaction_rate: null,
        responses: 3, pct_satisfied: null, mean_score: null, suppressed: true,
      },
      {
        hospital: '江州', division: 'medicine', division_zh: '内科系统', division_vi: 'Khối Nội', division_en: 'Medicine division', month: '2025-05',
        received: 0, referred: 0, responded_in_time_rate: null, resolution_rate: null, solved_rate: null, satisfaction_rate: null,
        responses: 12, pct_satisfied: 80, mean_score: close(500 / 120), suppressed: false,
      },
      {
        hospital: '江州', division: 'medicine', division_zh: '内科系统', division_vi: 'Khối Nội', division_en: 'Medicine division', month: '2025-06',
        received: 15, referred: 2, responded_in_time_rate: close((100 * 11) / 13), resolution_rate: 80, solved_rate: 80, satisfaction_rate: 70,
        responses: 11, pct_satisfied: close((100 * 78) / 110), mean_score: close(430 / 110), suppressed: false,
      },
      {
        hospital: '江州', division: '急诊系统', division_zh: '急诊系统', division_vi: '急诊系统', division_en: '急诊系统', month: '2025-06',
        received: 3, referred: 0, responded_in_time_rate: 0, resolution_rate: 0, solved_rate: null, satisfaction_rate: null,
        responses: 0, pct_satisfied: null, mean_score: null, suppressed: true,
      },
    ]);
  });

  it('has no rows where the department tables give no parent', async () => {
    await build(false);
    expect(await db().query('select * from mart_division_kpis')).toEqual([]);
  });

  it('finds the parent column even where no department table has one (the shipped table)', async () => {
    const { connection, query } = db();
    await connection.run('drop table if exists ref_departments_raw');
    // as a run loads it: the shipped departments.csv has no parent column
    await loadReferenceTables(connection, normalizeConfig({ lang: 'en' }), modelsOfStep(connection, 'warehouse', 'referenceTables'));
    expect(await query("select count(*)::integer as n from ref_departments_raw where parent is not null")).toEqual([{ n: 0 }]);
  });
});
