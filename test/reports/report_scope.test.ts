import { describe, expect, it } from 'vitest';
import { runModel, setVariables } from '../../pipeline/db.ts';
import { REPORT_SCOPE_MODELS } from '../../pipeline/plan.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * The report's scope at the model level: every relation a report reads keeps the rows of the
 * report's hospital only, and every hospital's in the group's report (report_hospital null).
 * A hospital without surveys must not show another hospital's satisfaction in its monthly analysis.
 */
const RELATIONS: Record<string, string> = {
  report_feedback: 'fct_feedback',
  report_complaint_deadlines: 'int_complaint_deadlines',
  report_complaint_kpis: 'mart_complaint_kpis',
  report_satisfaction_index: 'export_satisfaction_index',
  report_high_frequency_issues: 'mart_high_frequency_issues',
  report_month_topics: 'mart_month_topics',
  report_fix_reviews: 'mart_fix_reviews',
};

const db = modelWarehouse({ models: [] });

async function scoped(hospital: string | null): Promise<Record<string, string[]>> {
  const { connection, query } = db();
  for (const table of Object.values(RELATIONS)) {
    await connection.run(`create or replace table ${table} as select * from (values ('江州'), ('Sơn Nam')) as t(hospital)`);
  }
  await connection.run(`create or replace table warning_log as select * from (values ('{"hospital": "江州"}'::json), ('{"hospital": "Sơn Nam"}'::json)) as t(warning)`);
  await setVariables(connection, { report_hospital: hospital });
  for (const model of REPORT_SCOPE_MODELS) await runModel(connection, model);
  const seen: Record<string, string[]> = {};
  for (const view of [...Object.keys(RELATIONS), 'report_warning_log']) {
    const column = view === 'report_warning_log' ? "warning ->> 'hospital'" : 'hospital';
    seen[view] = (await query<{ hospital: string }>(`select ${column} as hospital from ${view} order by 1`)).map((row) => row.hospital);
  }
  return seen;
}

describe('report_scope', () => {
  it('keeps one hospital’s rows in every relation of its report, satisfaction included', async () => {
    const seen = await scoped('江州');
    for (const [view, hospitals] of Object.entries(seen)) expect([view, hospitals]).toEqual([view, ['江州']]);
  });

  it('keeps every hospital’s rows in the group’s report', async () => {
    const seen = await scoped(null);
    for (const [view, hospitals] of Object.entries(seen)) expect([view, hospitals]).toEqual([view, ['Sơn Nam', '江州']]);
  });
});
