import { describe, expect, it } from 'vitest';
import { satisfactionSectionsChart, type SectionTrendRow } from '../../../dashboards/charts/sections-chart.ts';
import { deepFreeze } from '../../statistics/vectors.ts';
import { description, expectChartSnapshot, tableRows } from './snapshot.ts';

const row = (patient_type: string, dimension: string, month: string, pct: number | null, point_type: string | null = 'common_cause'): SectionTrendRow => ({
  patient_type,
  dimension,
  month,
  responses: pct === null ? 3 : 40,
  suppressed: pct === null,
  pct_satisfied: pct,
  ci_low: pct === null ? null : pct - 5,
  ci_high: pct === null ? null : pct + 4,
  mean_pct: pct === null ? null : 88,
  lower_limit_pct: pct === null ? null : 75,
  upper_limit_pct: pct === null ? null : 101,
  // inpatient C's limits were recalculated in 2025-05: its mean and limits break there
  limits_from: pct === null ? null : patient_type === 'inpatient' && dimension === 'C' && month >= '2025-05' ? '2025-05' : '2024-04',
  point_type: pct === null ? null : point_type,
});

const rows = deepFreeze([
  row('inpatient', 'A', '2025-04', 90), row('inpatient', 'A', '2025-05', 88), row('inpatient', 'A', '2025-06', 91),
  row('inpatient', 'C', '2025-04', 89), row('inpatient', 'C', '2025-05', 70, 'special_cause_concern'), row('inpatient', 'C', '2025-06', 56, 'special_cause_concern'),
  row('outpatient', 'A', '2025-04', 85), row('outpatient', 'A', '2025-05', null), row('outpatient', 'A', '2025-06', 86),
  row('outpatient', 'C', '2025-04', 84), row('outpatient', 'C', '2025-05', 86), row('outpatient', 'C', '2025-06', 87),
  // the pooled rows are drawn elsewhere (the whole index): not here when the types are known
  row('all', 'C', '2025-06', 70), row('inpatient', 'all', '2025-06', 80),
]);

describe('satisfactionSectionsChart', () => {
  it('draws a panel per section and patient type as the snapshot', () => {
    expectChartSnapshot('satisfaction-sections', satisfactionSectionsChart(rows, { language: 'en', scope: 'Orthopaedics' }));
  });

  it('names the special-cause months by section and patient type, and lists every month in the table', () => {
    const chart = satisfactionSectionsChart(rows, { language: 'en', scope: 'Orthopaedics' });
    expect(chart?.value).toContain('Orthopaedics: satisfaction by section and patient type');
    expect(description(chart)).toContain('from Apr 2025 to Jun 2025');
    expect(description(chart)).toContain('Special causes of concern: C. Facilities · Inpatients: May 2025 and Jun 2025. Improvements: none.');
    const table = tableRows(chart);
    expect(table).toHaveLength(12);
    expect(table[0]).toEqual(['A. Access', 'Inpatients', '2025-04', '40', '90.0%', '85.0–94.0', '75.0%', '101.0%', '']);
    expect(table[4]).toEqual(['A. Access', 'Outpatients', '2025-05', '', 'too few responses', '', '', '', '']);
    expect(table[8]).toEqual(['C. Facilities', 'Inpatients', '2025-06', '40', '56.0%', '51.0–60.0', '75.0%', '101.0%', 'concern']);
  });

  it('draws every respondent together where the surveys do not say inpatient or outpatient', () => {
    const pooled = [row('all', 'B', '2025-05', 80), row('all', 'B', '2025-06', 82)];
    expect(tableRows(satisfactionSectionsChart(pooled, { language: 'zh', scope: '全院' })).map((r) => r.slice(0, 3))).toEqual([
      ['B. 信息与流程', '全部', '2025-05'],
      ['B. 信息与流程', '全部', '2025-06'],
    ]);
  });

  it('draws nothing without two months of a section', () => {
    expect(satisfactionSectionsChart([row('all', 'A', '2025-06', 80)], { language: 'en', scope: 'x' })).toBeNull();
  });
});
