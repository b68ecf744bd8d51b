import { describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * int_satisfaction_respondents at the model level: each changed response's sums over every item it
 * answered, worked by hand. Form `vn_inpatient` places q_a1 and q_b1 in sections; q_x9 it does not know.
 *   R1 (changed): q_a1 5, q_b1 4, q_x9 2 → 3 answers, one 5, two of 4 or 5, Σ 11, not all satisfied, q_x9 unknown
 *   R2 (changed): q_a1 5, q_b1 5 → 2 answers, two 5s, both satisfied, Σ 10, all satisfied, none unknown
 *   R3 (changed, no form): q_a1 4 → its one item unknown
 *   R4 (changed, no answers): no row; R5 (not changed): no row, its sums stay as the last run left them
 */
const db = modelWarehouse({ models: [] });

describe('int_satisfaction_respondents', () => {
  it('sums each changed response once, over every item it answered, known to its form or not', async () => {
    const { connection, query } = db();
    await connection.run(`
      create or replace table int_changed_records as
      select * from (values ('survey', '江州', 'ward', 'R1'), ('survey', '江州', 'ward', 'R2'), ('survey', '江州', 'ward', 'R3'), ('survey', '江州', 'ward', 'R4'), ('feedback', '江州', 'ward', 'R5'))
        as t(record_type, hospital, source, id);
      create or replace table mart_satisfaction_response_forms as
      select * from (values ('江州', 'ward', 'R1', '内科', '2025-06', 'vn_inpatient'), ('江州', 'ward', 'R2', '内科', '2025-06', 'vn_inpatient'),
                            ('江州', 'ward', 'R3', '儿科', '2025-07', null), ('江州', 'ward', 'R4', '儿科', '2025-07', 'vn_inpatient'),
                            ('江州', 'ward', 'R5', '儿科', '2025-07', 'vn_inpatient'))
        as t(hospital, source, response_id, department, month, form_id);
      create or replace table mart_satisfaction_item_sections as
      select * from (values ('vn_inpatient', 'q_a1', 'A'), ('vn_inpatient', 'q_b1', 'B'), ('vn_inpatient', 'q_x9', null), (null, 'q_a1', null))
        as t(form_id, item_code, section);
      create or replace table survey_responses as
      select hospital, source, response_id, answers::struct(item_code varchar, score tinyint)[] as answers, survey_mode
      from (values ('江州', 'ward', 'R1', [{'item_code': 'q_a1', 'score': 5}, {'item_code': 'q_b1', 'score': 4}, {'item_code': 'q_x9', 'score': 2}], 'ward_visit'),
                   ('江州', 'ward', 'R2', [{'item_code': 'q_a1', 'score': 5}, {'item_code': 'q_b1', 'score': 5}], null),
                   ('江州', 'ward', 'R3', [{'item_code': 'q_a1', 'score': 4}], null),
                   ('江州', 'ward', 'R4', [], null),
                   ('江州', 'ward', 'R5', [{'item_code': 'q_a1', 'score': 1}], null))
        as t(hospital, source, response_id, answers, survey_mode);
    `);
    await runModel(connection, 'intermediate/int_satisfaction_respondents');
    const rows = await query(
      'select response_id, department, month, survey_mode, answers::integer as answers, five_answers::integer as five_answers, satisfied_answers::integer as satisfied_answers, score_sum::integer as score_sum, all_satisfied, unknown_items from int_satisfaction_respondents_changed order by response_id',
    );
    expect(rows).toEqual([
      { response_id: 'R1', department: '内科', month: '2025-06', survey_mode: 'ward_visit', answers: 3, five_answers: 1, satisfied_answers: 2, score_sum: 11, all_satisfied: false, unknown_items: ['q_x9'] },
      { response_id: 'R2', department: '内科', month: '2025-06', survey_mode: null, answers: 2, five_answers: 2, satisfied_answers: 2, score_sum: 10, all_satisfied: true, unknown_items: [] },
      { response_id: 'R3', department: '儿科', month: '2025-07', survey_mode: null, answers: 1, five_answers: 0, satisfied_answers: 1, score_sum: 4, all_satisfied: true, unknown_items: ['q_a1'] },
    ]);
  });
});
