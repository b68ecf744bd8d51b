import { describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * reports/report_warnings at the model level: a sentinel's record is quoted by its (source, id),
 * as the main campus's HIS and the east campus's register both number records from 1 and two
 * systems of one hospital may too. Hand-made rows: hospital 江州 holds record 1 of source `his`
 * (a fall) and record 1 of source `east_register` (a queue); hospital 东院 holds record 1 of
 * `his` (a wrong drug).
 *   W-his:   evidence his/1 in 江州          → the fall
 *   W-east:  evidence east_register/1 in 江州 → the queue
 *   W-other: evidence his/1 in 东院          → the wrong drug
 *   W-old:   logged before evidence had sources: id 1 in 江州 alone → the first source of id 1, east_register
 */
const warning = (id: string, hospital: string, evidence: { source: string; id: string }[] | null) => ({
  id,
  first_as_of: '2025-06-15',
  last_as_of: '2025-06-15',
  resolved_as_of: null,
  warning: JSON.stringify({
    id, kind: 'sentinel', hospital, department: '急诊科', category: 'quality', location: null, keywords: [],
    evidence_ids: (evidence ?? [{ source: '', id: '1' }]).map((record) => record.id),
    ...(evidence === null ? {} : { evidence }),
  }),
});

const db = modelWarehouse({
  rows: {
    warning_log: [
      warning('W-his', '江州', [{ source: 'his', id: '1' }]),
      warning('W-east', '江州', [{ source: 'east_register', id: '1' }]),
      warning('W-other', '东院', [{ source: 'his', id: '1' }]),
      warning('W-old', '江州', null),
    ],
  },
  models: [],
});

describe('report_warnings', () => {
  it("quotes a sentinel's own record, matched by hospital, source and id", async () => {
    const { connection, query } = db();
    await connection.run(`
      create or replace temp table report_feedback as
      select * from (values
          ('江州', 'his', '1', '患者跌倒 骨折'),
          ('江州', 'east_register', '1', '排队两小时'),
          ('东院', 'his', '1', '发错药')
      ) as records(hospital, source, id, text_redacted)`);
    await connection.run('create or replace temp view report_warning_log as select * from warning_log');
    await runModel(connection, 'reports/report_warnings');
    const rows = await query<{ id: string; first_evidence_id: string; sentinel_text: string | null }>(
      'select id, first_evidence_id, sentinel_text from report_warnings order by id',
    );
    expect(rows).toEqual([
      { id: 'W-east', first_evidence_id: '1', sentinel_text: '排队两小时' },
      { id: 'W-his', first_evidence_id: '1', sentinel_text: '患者跌倒 骨折' },
      { id: 'W-old', first_evidence_id: '1', sentinel_text: '排队两小时' },
      { id: 'W-other', first_evidence_id: '1', sentinel_text: '发错药' },
    ]);
  });
});
