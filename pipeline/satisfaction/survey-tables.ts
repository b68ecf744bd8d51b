import type { DuckDBConnection } from '@duckdb/node-api';
import { specificity, type SurveyDefinition } from './survey-definitions.ts';
import type { StepModels } from '../plan.ts';
import { appendRows } from '../table-writer.ts';

/**
 * Writes the survey definitions into the warehouse for the satisfaction models (their DDL is under
 * models/landing/): ref_survey_forms (one row per definition, with how specific it is and its load
 * order), ref_survey_form_sources (one row per source a definition is restricted to),
 * ref_survey_sections (one row per section) and ref_survey_items (one row per listed item).
 */
export async function writeSurveyDefinitionTables(connection: DuckDBConnection, definitions: readonly SurveyDefinition[], models: StepModels): Promise<void> {
  const tables = {
    ref_survey_forms: definitions.map((d, i) => ({
      form_id: d.id,
      title_en: d.title.en ?? null,
      patient_type: d.applies_to.patient_type ?? null,
      has_sources: d.applies_to.sources !== undefined,
      specificity: specificity(d),
      load_order: i,
      path: d.path,
    })),
    ref_survey_form_sources: definitions.flatMap((d) => [...new Set(d.applies_to.sources ?? [])].map((source) => ({ form_id: d.id, source }))),
    ref_survey_sections: definitions.flatMap((d) =>
      d.sections.map((s, i) => ({ form_id: d.id, section: s.code, position: i, item_pattern: s.item_pattern ?? null, title_vi: s.title.vi ?? null, title_en: s.title.en ?? null, title_zh: s.title.zh ?? null })),
    ),
    ref_survey_items: definitions.flatMap((d) =>
      d.sections.flatMap((s) =>
        s.items.map((item, i) => ({ form_id: d.id, section: s.code, item_code: item.code, position: i, text_vi: item.text.vi ?? null, text_en: item.text.en ?? null, text_zh: item.text.zh ?? null })),
      ),
    ),
  };
  for (const [table, rows] of Object.entries(tables)) {
    await models.run(`landing/${table}`);
    await appendRows(connection, table, rows);
  }
}
