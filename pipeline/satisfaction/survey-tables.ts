import type { DuckDBConnection } from '@duckdb/node-api';
import { specificity, type SurveyDefinition } from './survey-definitions.ts';
import { writeTable, type TableColumn } from '../table-writer.ts';

const FORM_COLUMNS: TableColumn[] = [
  { name: 'form_id', type: 'varchar' },
  { name: 'title_en', type: 'varchar' },
  { name: 'patient_type', type: 'varchar' },
  { name: 'has_sources', type: 'boolean' },
  { name: 'specificity', type: 'integer' },
  { name: 'load_order', type: 'integer' },
  { name: 'path', type: 'varchar' },
];

const FORM_SOURCE_COLUMNS: TableColumn[] = [
  { name: 'form_id', type: 'varchar' },
  { name: 'source', type: 'varchar' },
];

const SECTION_COLUMNS: TableColumn[] = [
  { name: 'form_id', type: 'varchar' },
  { name: 'section', type: 'varchar' },
  { name: 'position', type: 'integer' },
  { name: 'item_pattern', type: 'varchar' },
  { name: 'title_vi', type: 'varchar' },
  { name: 'title_en', type: 'varchar' },
  { name: 'title_zh', type: 'varchar' },
];

const ITEM_COLUMNS: TableColumn[] = [
  { name: 'form_id', type: 'varchar' },
  { name: 'section', type: 'varchar' },
  { name: 'item_code', type: 'varchar' },
  { name: 'position', type: 'integer' },
  { name: 'text_vi', type: 'varchar' },
  { name: 'text_en', type: 'varchar' },
  { name: 'text_zh', type: 'varchar' },
];

/**
 * Writes the survey definitions into the warehouse for the satisfaction models:
 * ref_survey_forms (one row per definition, with how specific it is and its load order),
 * ref_survey_form_sources (one row per source a definition is restricted to),
 * ref_survey_sections (one row per section) and ref_survey_items (one row per listed item).
 */
export async function writeSurveyDefinitionTables(connection: DuckDBConnection, definitions: readonly SurveyDefinition[]): Promise<void> {
  await writeTable(
    connection,
    'ref_survey_forms',
    FORM_COLUMNS,
    definitions.map((d, i) => [d.id, d.title.en ?? null, d.applies_to.patient_type ?? null, d.applies_to.sources !== undefined, specificity(d), i, d.path]),
  );
  await writeTable(
    connection,
    'ref_survey_form_sources',
    FORM_SOURCE_COLUMNS,
    definitions.flatMap((d) => [...new Set(d.applies_to.sources ?? [])].map((source) => [d.id, source])),
  );
  await writeTable(
    connection,
    'ref_survey_sections',
    SECTION_COLUMNS,
    definitions.flatMap((d) =>
      d.sections.map((s, i) => [d.id, s.code, i, s.item_pattern ?? null, s.title.vi ?? null, s.title.en ?? null, s.title.zh ?? null]),
    ),
  );
  await writeTable(
    connection,
    'ref_survey_items',
    ITEM_COLUMNS,
    definitions.flatMap((d) =>
      d.sections.flatMap((s) =>
        s.items.map((item, i) => [d.id, s.code, item.code, i, item.text.vi ?? null, item.text.en ?? null, item.text.zh ?? null]),
      ),
    ),
  );
}
