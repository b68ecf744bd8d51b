import type { DuckDBConnection } from '@duckdb/node-api';
import { runModel } from './db.ts';

/**
 * Every SQL model, in the one order they run. Macros first (the others call them), then the
 * landing tables; the ingest models run once per file inside its transaction; the marts run once
 * per run, after every file, staging → intermediate → marts.
 */
export const MACRO_MODELS = [
  'macros/normalize_key',
  'macros/parse_local_timestamp',
  'macros/redact_pii',
  'macros/script_language',
  'macros/timestamp_problem',
  'macros/csv_safe_text',
  'macros/due_working_day_index',
] as const;

export const LANDING_MODELS = ['landing/create_tables'] as const;

/** Per file; their text is part of the rules fingerprint, so changing one re-reads the files. */
export const INGEST_MODELS = [
  'macros/normalize_key',
  'macros/parse_local_timestamp',
  'macros/redact_pii',
  'macros/timestamp_problem',
  'staging/stg_value_aliases',
  'staging/stg_feedback',
  'staging/stg_survey',
  'intermediate/int_record_outcome',
  'load/load_feedback',
  'load/load_survey',
] as const;

export const MART_MODELS = [
  'marts/dim_department',
  'marts/fct_feedback',
  'marts/fct_record_terms',
  'marts/dim_term',
  'marts/mart_term_frequency',
  'marts/mart_term_monthly',
  'marts/fct_survey_response',
  'marts/mart_data_quality',
  'intermediate/int_working_days',
  'intermediate/int_complaint_deadlines',
  'intermediate/int_open_complaints',
  'marts/mart_complaint_kpis',
  'marts/mart_complaint_backlog',
  'marts/mart_open_cases',
  'intermediate/int_complaint_grievances',
  'marts/mart_repeat_complaints',
  'marts/export_feedback',
] as const;

/**
 * The satisfaction stage (pipeline/satisfaction.ts), once the marts and the survey definition
 * tables exist: answers matched to their survey definition, then the counts the statistics read;
 * after the statistics, the drop candidates.
 */
export const SATISFACTION_MODELS = [
  'marts/mart_satisfaction_answers',
  'marts/mart_satisfaction_counts',
  'marts/mart_satisfaction_measure_counts',
  'marts/mart_satisfaction_unknown_items',
] as const;

export const SATISFACTION_DROP_MODELS = ['marts/mart_satisfaction_drop'] as const;

/** Creates the macros and the landing tables the rest of a run needs. */
export async function prepareWarehouse(connection: DuckDBConnection): Promise<void> {
  for (const model of [...MACRO_MODELS, ...LANDING_MODELS]) await runModel(connection, model);
}

/** Builds every mart from the landing tables, in order; needs the as_of variable and prepareCalendars. */
export async function buildMarts(connection: DuckDBConnection): Promise<void> {
  for (const model of MART_MODELS) await runModel(connection, model);
}
