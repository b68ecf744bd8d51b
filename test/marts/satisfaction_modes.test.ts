import { describe, expect, it } from 'vitest';
import { runModel } from '../../pipeline/db.ts';
import { modelWarehouse } from '../support/model-warehouse.ts';

/**
 * mart_satisfaction_modes at the model level, on hand-made respondents' sums
 * (int_satisfaction_respondents: survey mode, answers, those of 4 or 5, their scores' sum). 江州, 2025-06:
 *   ward_visit: 10 respondents × 2 answers, scores 5 and 3 each → 10 of 20 answers satisfied = 50%, mean 4
 *   kiosk: 2 respondents, one answer each (4 and 2) → 2 < 10 respondents: suppressed, no number
 *   one response without a mode: in no row
 * 东院 has a ward_visit respondent of its own in the same month: its own row, never added to 江州's.
 */
const db = modelWarehouse({ models: [], variables: { satisfaction_min_responses: 10 } });

describe('mart_satisfaction_modes', () => {
  it('counts satisfaction per hospital, month and survey mode, as the index does', async () => {
    const { connection, query } = db();
    const respondents: string[] = [];
    for (let i = 1; i <= 10; i++) {
      // answers 5 and 3
      respondents.push(`('江州', 'ward', 'w${i}', '2025-06', 'ward_visit', 2, 1, 8)`);
    }
    respondents.push(
      `('江州', 'kiosk', 'k1', '2025-06', 'kiosk', 1, 1, 4)`,
      `('江州', 'kiosk', 'k2', '2025-06', 'kiosk', 1, 0, 2)`,
      `('江州', 'his', 'n1', '2025-06', null, 1, 1, 5)`,
      `('东院', 'ward', 'w1', '2025-06', 'ward_visit', 1, 1, 5)`,
    );
    await connection.run(
      `create or replace table int_satisfaction_respondents as select * from (values ${respondents.join(', ')}) as t(hospital, source, response_id, month, survey_mode, answers, satisfied_answers, score_sum)`,
    );
    await runModel(connection, 'marts/mart_satisfaction_modes');
    const rows = await query('select hospital, month, survey_mode, responses, answers, pct_satisfied, mean_score, suppressed from mart_satisfaction_modes order by hospital, survey_mode');
    expect(rows).toEqual([
      { hospital: '东院', month: '2025-06', survey_mode: 'ward_visit', responses: 1, answers: 1, pct_satisfied: null, mean_score: null, suppressed: true },
      { hospital: '江州', month: '2025-06', survey_mode: 'kiosk', responses: 2, answers: 2, pct_satisfied: null, mean_score: null, suppressed: true },
      { hospital: '江州', month: '2025-06', survey_mode: 'ward_visit', responses: 10, answers: 20, pct_satisfied: 50, mean_score: 4, suppressed: false },
    ]);
  });
});
