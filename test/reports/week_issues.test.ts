import { describe, expect, it } from 'vitest';
import { runModel, setVariables } from '../../pipeline/db.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * The weekly summary's issue words (report_week_issues) in one hospital's report: the records of
 * that hospital holding each issue word that week. Two hospitals whose hotlines both number their
 * complaints from A1: Sơn Nam's A1 also holds 排队, and must not count in 江州's week.
 */
const db = modelWarehouse({ models: [] });

describe('report_week_issues', () => {
  it('counts in a hospital’s report the issue words of its own records only', async () => {
    const { connection, query } = db();
    await setVariables(connection, { report_hospital: '江州' });
    // the scope's relations as REPORT_SCOPE_MODELS leave them for 江州: its records and its themes
    await connection.run(`create or replace table report_feedback as select * from (values
      ('江州', 'hotline', 'A1', 'complaint', 'zh', timestamp '2025-03-04 09:00'),
      ('江州', 'hotline', 'A2', 'complaint', 'zh', timestamp '2025-03-05 09:00')) as t(hospital, source, id, kind, lang, received_at)`);
    await connection.run("create or replace table report_high_frequency_issues as select * from (values ('江州', 'zh', '排队')) as t(hospital, lang, anchor_term)");
    await connection.run('drop view record_terms');
    await connection.run(`create table record_terms as select * from (values
      ('江州', 'hotline', 'A1', '排队', '排队'),
      ('江州', 'hotline', 'A2', '排队', '排队'),
      ('Sơn Nam', 'hotline', 'A1', '排队', '排队')) as t(hospital, source, id, term, surface)`);
    await runModel(connection, 'reports/report_week_issues');
    // 江州's A1 and A2 (the model before: 3, Sơn Nam's A1 joined to 江州's by source and id)
    expect(await query('select * from report_week_issues')).toEqual([
      { week_start: '2025-03-03', lang: 'zh', term: '排队', written: '排队', records: 2, previous_week_records: 0, rank: 1 },
    ]);
  });
});
