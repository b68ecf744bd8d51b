import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { modelSql, queryRows, quoteIdentifier, runModel, setVariables } from './db.ts';

/**
 * The stage plan: every SQL model of models/ and every TypeScript step, in the one order a run
 * executes them. A step that is only models is run here; a TypeScript step is written by the
 * command that executes the plan (run.ts, backtest.ts) and may run or read only the models
 * listed beside it, at its own moment: per file (ingest), per batch (text), or inside the
 * transaction that fills a table its DDL model created. Nothing else runs a model.
 */

/** Macros first: every other model calls them. */
export const MACRO_MODELS = [
  'macros/normalize_key',
  'macros/parse_local_timestamp',
  'macros/redact_pii',
  'macros/script_language',
  'macros/missing_problem',
  'macros/timestamp_problem',
  'macros/required_fields_problem',
  'macros/csv_safe_text',
  'macros/percent_of',
  'macros/complaint_handling_rates',
  'macros/hospital_of_path',
  'macros/input_values_cleaned',
  'macros/due_working_day_index',
  'macros/department_core',
  'macros/in_report_scope',
  'macros/satisfaction_cell_head',
] as const;

/** The warehouse's own tables, one a file, each before what reads it (its types, foreign keys, views). */
export const LANDING_MODELS = [
  'landing/ingested_files',
  'landing/input_file_stats',
  'landing/feedback_records',
  'landing/warehouse_secrets',
  'landing/survey_responses',
  'landing/stored_feedback_keys',
  'landing/stored_survey_keys',
  'landing/quarantine',
  'landing/text_analyses',
  'landing/record_terms',
  'landing/learned_text_statistics',
  'landing/category_classifiers',
  'landing/inferred_categories',
  'landing/warning_log',
  'landing/published_partitions',
  'landing/published_charts',
] as const;

/** The views the marts read the reference tables through, once the referenceTables step has loaded them. */
export const REFERENCE_STAGING_MODELS = ['staging/stg_departments', 'staging/stg_department_aliases', 'staging/stg_response_limits', 'staging/stg_department_owners', 'staging/stg_visits'] as const;

/**
 * The ingest step's models: run once per file inside its transaction (staging, outcome, load).
 * Their text, with the macros and aliases they call, is part of the rules fingerprint, so
 * changing one re-reads the files.
 */
export const INGEST_MODELS = [
  'macros/normalize_key',
  'macros/parse_local_timestamp',
  'macros/redact_pii',
  'macros/missing_problem',
  'macros/timestamp_problem',
  'macros/required_fields_problem',
  'macros/hospital_of_path',
  'macros/input_values_cleaned',
  'staging/stg_value_aliases',
  'staging/stg_feedback',
  'staging/stg_survey_answers',
  'staging/stg_survey',
  'intermediate/int_record_outcome',
  'load/load_feedback',
  'load/load_survey',
] as const;

/**
 * The working tables of reading one input file (pipeline/ingest/read-raw.ts), for the steps that
 * read files: ingest and the fixes files. Not in the rules fingerprint: like the readers' code,
 * they decide how a file is read, not what its rows become.
 */
export const READ_MODELS = ['load/raw_broken', 'load/raw_broken_places', 'load/raw_lines'] as const;

/** Once per run, after every file and the text stage: staging → intermediate → marts. */
export const MART_MODELS = [
  'marts/dim_hospital',
  'intermediate/int_department_names',
  'intermediate/int_department_reference',
  'marts/dim_department',
  'marts/mart_department_page_names',
  'intermediate/int_current_record_versions',
  'intermediate/int_changed_records',
  'intermediate/int_changed_periods',
  'marts/fct_feedback',
  'marts/fct_record_terms',
  'intermediate/int_term_month_counts',
  'marts/dim_term',
  'marts/mart_term_frequency',
  'marts/mart_term_monthly',
  'marts/fct_survey_response',
  'marts/mart_quarantine',
  'marts/mart_unknown_departments',
  'marts/mart_department_alias_suggestions',
  'marts/mart_unrecognised_values',
  'marts/mart_quarantine_by_reason',
  'intermediate/int_working_days',
  'staging/stg_complaint_sla',
  'intermediate/int_complaint_deadlines',
  'intermediate/int_open_complaints',
  'marts/mart_complaint_kpis',
  'marts/mart_complaint_visit_rates',
  'intermediate/int_feedback_months',
  'marts/mart_complaint_monthly',
  'marts/mart_complaint_channels',
  'marts/mart_department_category_heat',
  'marts/mart_complaint_backlog',
  'marts/mart_open_cases',
  'intermediate/int_changed_grievance_days',
  'intermediate/int_complaint_grievances',
  'marts/mart_repeat_complaints',
  'marts/export_feedback',
  'intermediate/int_praise_term_months',
  'marts/mart_praise',
  'marts/mart_praise_records',
] as const;

/**
 * The marts updated by key, as dbt's incremental materialisation does, rather than rebuilt: each
 * defines the temp view `<relation>_changed`, its rows of the records in int_changed_records; the
 * plan deletes the relation's rows of those records and inserts the view's. Listed are only
 * models whose rows each depend on one record (`records`: feedback or survey, `id`: its key
 * column beside hospital and source) and on nothing that int_mart_fingerprint leaves out: never
 * the as-of date, other records or the whole history. The increments step drops them to rebuild
 * whole when the fingerprint changed.
 */
export const INCREMENTAL_MODELS: Readonly<Record<string, { readonly records: 'feedback' | 'survey'; readonly id: string }>> = {
  'marts/fct_feedback': { records: 'feedback', id: 'id' },
  'intermediate/int_complaint_deadlines': { records: 'feedback', id: 'id' },
  'marts/fct_survey_response': { records: 'survey', id: 'response_id' },
  'marts/mart_satisfaction_response_forms': { records: 'survey', id: 'response_id' },
  'intermediate/int_satisfaction_respondents': { records: 'survey', id: 'response_id' },
};

/**
 * The aggregates updated by period, as dbt's insert_overwrite by partition: only the partitions
 * (hospital × month or week) that hold a record new, changed or gone since the last build
 * (int_changed_periods, both its old and its new period) are computed again. Each defines the temp
 * view `<relation>_changed`, every row of those partitions; the plan deletes the relation's rows
 * of them and inserts the view's. `records` is the kind of record counted; `period` names the
 * relation's column holding the period, `grain` the one holding its grain (`month` or `week`), if
 * any: a relation without one holds months only. Listed are only aggregates whose partition
 * depends on its own records alone and on nothing int_mart_fingerprint leaves out (never the as-of
 * date), and whose readers order the rows themselves (new partitions are appended).
 */
export const PARTITIONED_MODELS: Readonly<Record<string, { readonly records: 'feedback' | 'survey'; readonly grain?: string; readonly period: string }>> = {
  'marts/mart_satisfaction_period_counts': { records: 'survey', grain: 'grain', period: 'period' },
  'intermediate/int_term_month_counts': { records: 'feedback', period: 'month' },
  'intermediate/int_praise_term_months': { records: 'feedback', period: 'month' },
  'intermediate/int_satisfaction_answered_items': { records: 'survey', period: 'month' },
};

/**
 * The models whose row of a record depends also on the records of its hospital in the days before
 * it (a complaint's links to the complaints of the 30 days before), updated by day: each defines
 * the temp view `<relation>_changed`, the rows of the days its `days` table (a model before it:
 * hospital, day, rebuilt) marks `rebuilt`, read from the records of every day that table holds;
 * the plan deletes the relation's rows of those days (by the day of its column `day`) and inserts
 * the view's. Like the others: nothing int_mart_fingerprint leaves out, and readers that order the rows.
 * In slices, so that a whole build holds only a part of the history at once: the model's SQL
 * first makes the temp table `<relation>_input`, the records it reads, each rebuilt one with its
 * `slice` (rebuilt days cut into runs of about getvariable('slice_rows') records, `sliceRows`);
 * the view gives the rows of the slice getvariable('slice'), inserted one slice at a time.
 */
export const TRAILING_MODELS: Readonly<Record<string, { readonly days: string; readonly day: string; readonly sliceRows: number }>> = {
  // 200,000 complaints and the 30 days before them (about 80,000 of a hospital at 10M): 1M's slices
  // of 100,000 pass within 500 MiB, so this leaves 4 GiB a margin of about 3 (BENCHMARKS.md, "The
  // repeat-complaint search in slices")
  'intermediate/int_complaint_grievances': { days: 'int_changed_grievance_days', day: 'received_at', sliceRows: 200_000 },
};

/** The models the plan updates in place (by key, period or day) rather than builds whole: the increments step drops them to rebuild. */
export const UPDATED_MODELS: ReadonlySet<string> = new Set([...Object.keys(INCREMENTAL_MODELS), ...Object.keys(PARTITIONED_MODELS), ...Object.keys(TRAILING_MODELS)]);

/** The relation a model file makes: its file name. */
export function relationOf(model: string): string {
  return model.slice(model.lastIndexOf('/') + 1);
}

/**
 * The fingerprint of the macros', the marts' and the satisfaction models' SQL, which
 * int_mart_fingerprint reads: a changed model rebuilds the incremental and partitioned marts whole.
 */
export function martModelsFingerprint(): string {
  const hash = createHash('sha256');
  for (const model of [...MACRO_MODELS, ...MART_MODELS, ...SATISFACTION_MODELS]) hash.update(modelSql(model));
  return hash.digest('hex');
}

/**
 * Replaces the rows of an incremental, partitioned or trailing model that its changes table names
 * (the `match` of a relation row `t` and a change `changed` of its hospital) with the rows of its
 * `_changed` view: once, or once for each of `slices` (a trailing model's, getvariable('slice')).
 */
async function replaceChanged(
  connection: DuckDBConnection,
  model: string,
  changes: string,
  match: (table: string) => string,
  parameters: Record<string, string> = {},
  slices?: readonly number[],
): Promise<void> {
  const relation = quoteIdentifier(relationOf(model));
  const changed = quoteIdentifier(`${relationOf(model)}_changed`);
  // the relation's shape is its model's view (the DDL in models/): made empty from it on a first run
  await connection.run(`create table if not exists ${relation} as from ${changed} limit 0`);
  await connection.run(
    `delete from ${relation} using ${changes} as changed
     where ${relation}.hospital is not distinct from changed.hospital and ${match(relation)}`,
    parameters,
  );
  if (slices === undefined) {
    await connection.run(`insert into ${relation} by name from ${changed}`);
    return;
  }
  for (const slice of slices) {
    await setVariables(connection, { slice });
    await connection.run(`insert into ${relation} by name from ${changed}`);
  }
}

/**
 * Runs a trailing model (TRAILING_MODELS) in slices of about `sliceRows` rebuilt records (the
 * plan's size, or a test's smaller one to cut a small history into many); returns how many slices.
 */
export async function runTrailingModel(connection: DuckDBConnection, model: string, sliceRows: number): Promise<number> {
  const trailing = TRAILING_MODELS[model];
  if (trailing === undefined) throw new Error(`plan: ${model} is not in TRAILING_MODELS`);
  await setVariables(connection, { slice_rows: sliceRows });
  await runModel(connection, model);
  const input = quoteIdentifier(`${relationOf(model)}_input`);
  const slices = await queryRows<{ slice: number }>(connection, `select distinct slice from ${input} where slice is not null order by slice`);
  const match = (t: string) => `changed.rebuilt and ${t}.${quoteIdentifier(trailing.day)}::date = changed.day`;
  await replaceChanged(connection, model, quoteIdentifier(trailing.days), match, {}, slices.map((row) => row.slice));
  // the records read, with their terms: not held through the rest of the run
  await connection.run(`drop table ${input}`);
  return slices.length;
}

/**
 * Runs a model: an incremental one (INCREMENTAL_MODELS) by key, a partitioned one
 * (PARTITIONED_MODELS) by period, a trailing one (TRAILING_MODELS) by day, any other as its SQL says.
 */
async function runPlannedModel(connection: DuckDBConnection, model: string): Promise<void> {
  const trailing = TRAILING_MODELS[model];
  if (trailing !== undefined) {
    await runTrailingModel(connection, model, trailing.sliceRows);
    return;
  }
  await runModel(connection, model);
  const partitioned = PARTITIONED_MODELS[model];
  if (partitioned !== undefined) {
    const { records, grain, period } = partitioned;
    const grainOf = (t: string) => (grain === undefined ? "'month'" : `${t}.${quoteIdentifier(grain)}`);
    const match = (t: string) => `changed.record_type = $records and ${grainOf(t)} = changed.grain and ${t}.${quoteIdentifier(period)} = changed.period`;
    return replaceChanged(connection, model, 'int_changed_periods', match, { records });
  }
  const incremental = INCREMENTAL_MODELS[model];
  if (incremental === undefined) return;
  const match = (t: string) => `changed.record_type = $records and ${t}.source = changed.source and ${t}.${quoteIdentifier(incremental.id)} = changed.id`;
  return replaceChanged(connection, model, 'int_changed_records', match, { records: incremental.records });
}

/** The survey definition tables (DDL), which the surveyDefinitions step fills from data/surveys and a hospital's own. */
export const SURVEY_DEFINITION_MODELS = ['landing/ref_survey_forms', 'landing/ref_survey_form_sources', 'landing/ref_survey_sections', 'landing/ref_survey_items'] as const;

/**
 * The satisfaction stage, once the marts and the survey definition tables exist: answers matched
 * to their survey definition, then the counts the statistics read; after the statistics, the drop
 * candidates.
 */
export const SATISFACTION_MODELS = [
  'staging/stg_survey_forms',
  'staging/stg_survey_form_sources',
  'staging/stg_survey_sections',
  'staging/stg_survey_items',
  'marts/mart_satisfaction_response_forms',
  'intermediate/int_satisfaction_answered_items',
  'marts/mart_satisfaction_item_sections',
  'marts/mart_satisfaction_answers',
  'marts/mart_satisfaction_period_counts',
  'intermediate/int_satisfaction_respondents',
  'marts/mart_division_kpis',
  'marts/mart_satisfaction_modes',
  'marts/mart_satisfaction_measure_counts',
  'marts/mart_satisfaction_unknown_items',
  // the versions every incremental and partitioned mart is now built from: stored last, so that a
  // run that stops before builds the same records again
  'intermediate/store_record_versions',
] as const;

/**
 * The tables the satisfactionStatistics step computes in TypeScript (DDL): the index and measures
 * exported, the monthly charts (by cell, the hospitals' funnel) and the weekly chart; then the
 * whole form's charts, read from the cell charts.
 */
export const SATISFACTION_STATISTICS_MODELS = [
  'marts/export_satisfaction_index',
  'marts/export_satisfaction_measures',
  'marts/mart_satisfaction_cell_spc',
  'marts/mart_satisfaction_cell_funnel',
  'marts/mart_satisfaction_hospital_funnel',
  'marts/mart_satisfaction_weekly_spc',
  'marts/mart_satisfaction_spc',
  'marts/mart_satisfaction_funnel',
] as const;

/** Run by the satisfactionStatistics step once the charts of the date judged are built (a backtest: for every Monday). */
export const SATISFACTION_DROP_MODELS = ['marts/mart_satisfaction_drop', 'marts/mart_satisfaction_drop_candidates'] as const;

/**
 * The reports' models (pipeline/publish/reports), built again for each report scope: the scoped
 * views first (each a relation the reports read, narrowed to the scope's hospital) (the readers find the scope's first day in them), then the tables the daily,
 * weekly and monthly readers select from.
 */
export const REPORT_SCOPE_MODELS = [
  'reports/report_feedback',
  'reports/report_complaint_deadlines',
  'reports/report_complaint_kpis',
  'reports/report_satisfaction_index',
  'reports/report_high_frequency_issues',
  'reports/report_warning_log',
  'reports/report_month_topics',
  'reports/report_fix_reviews',
] as const;

export const REPORT_MODELS = [
  'reports/report_day_records',
  'reports/report_day_overdue',
  'reports/report_day_overdue_departments',
  'reports/report_warnings',
  'reports/report_week_volumes',
  'reports/report_week_rates',
  'reports/report_week_issues',
  'reports/report_month_breakdown',
] as const;

/**
 * The highFrequencyIssues step's models: the records and months it reads, the fingerprints that
 * decide which months it computes again (their SQL is part of them), the mart and what it keeps.
 */
/** The models that count detection's cells' days, in order: their SQL is the fingerprint of the counts kept (int_alert_changed_days). */
export const CELL_COUNT_MODELS = [
  'intermediate/int_alert_cell_days',
  'intermediate/int_alert_counted_days',
  'intermediate/int_alert_counted_terms',
  'intermediate/int_alert_issue_terms',
  'intermediate/int_alert_changed_days',
  'intermediate/int_alert_changed_terms',
  'intermediate/int_alert_cell_records',
  'intermediate/store_alert_cell_days',
] as const;

export const HIGH_FREQUENCY_ISSUE_MODELS = [
  'marts/mart_issue_records',
  'intermediate/int_issue_months',
  'intermediate/int_issue_month_versions',
  'intermediate/int_issue_month_inputs',
  'intermediate/issue_rows_kept',
  'intermediate/issue_records_rebuilt',
  'intermediate/issue_term_lists_before',
  'marts/mart_high_frequency_issues',
  'intermediate/store_issue_month_versions',
] as const;

/** Models run in order by the plan itself. */
interface ModelStep {
  readonly models: readonly string[];
}

/** A TypeScript step, and the models it runs or reads itself. */
interface TypeScriptStep {
  readonly step: string;
  readonly models: readonly string[];
}

interface Stage {
  readonly stage: string;
  readonly steps: readonly (ModelStep | TypeScriptStep)[];
}

export const PLAN = [
  {
    stage: 'warehouse',
    steps: [
      { step: 'session', models: [] },
      { models: MACRO_MODELS },
      { models: LANDING_MODELS },
      { step: 'upgradeCodedValues', models: ['landing/upgrade_coded_values'] },
      { step: 'upgradeHospitals', models: ['landing/upgrade_hospitals'] },
      { step: 'upgradeSurveyAnswers', models: ['landing/upgrade_survey_answers'] },
      { models: ['landing/survey_answers'] },
      { step: 'referenceTables', models: ['staging/stg_quarantine_reasons'] },
      { step: 'upgradeQuarantineReasons', models: ['landing/upgrade_quarantine_reasons'] },
      { models: ['staging/stg_value_aliases', ...REFERENCE_STAGING_MODELS] },
    ],
  },
  { stage: 'ingest', steps: [{ step: 'ingestFiles', models: [...INGEST_MODELS, ...READ_MODELS, 'load/drop_file_scratch'] }] },
  {
    stage: 'text',
    steps: [
      { step: 'analyseText', models: ['text/learning_corpus_size', 'text/learning_corpus', 'text/pending_text', 'text/clear_pending_text', 'text/export_text_batch', 'text/store_text_batch', 'text/drop_text_scratch'] },
      { step: 'inferCategories', models: ['text/category_examples', 'text/category_rows', 'text/category_rows_page', 'text/reusable_category_classifier', 'text/clear_inferred_categories', 'text/inferred_page', 'text/store_inferred_page', 'text/drop_category_scratch'] },
    ],
  },
  {
    stage: 'marts',
    steps: [
      { step: 'calendars', models: ['staging/stg_holidays', 'intermediate/file_calendar'] },
      { step: 'asOf', models: [] },
      // before the increments: the survey definitions are in the fingerprint the satisfaction counts are built under
      { step: 'surveyDefinitions', models: SURVEY_DEFINITION_MODELS },
      { step: 'increments', models: ['intermediate/int_mart_fingerprint', 'intermediate/int_record_versions'] },
      { models: MART_MODELS },
    ],
  },
  {
    stage: 'frequency',
    steps: [
      { step: 'termKeyness', models: ['marts/mart_term_window_counts', 'marts/mart_term_weekly_recent', 'marts/mart_term_keyness'] },
      { step: 'departmentKeywords', models: ['marts/mart_department_term_counts', 'marts/mart_department_keywords'] },
      { step: 'highFrequencyIssues', models: HIGH_FREQUENCY_ISSUE_MODELS },
    ],
  },
  {
    stage: 'satisfaction',
    steps: [
      { models: SATISFACTION_MODELS },
      { step: 'satisfactionStatistics', models: [...SATISFACTION_STATISTICS_MODELS, ...SATISFACTION_DROP_MODELS, 'marts/mart_satisfaction_section_trend', 'marts/mart_satisfaction_trend'] },
    ],
  },
  {
    stage: 'detect',
    steps: [
      {
        step: 'detectSignals',
        models: [
          ...CELL_COUNT_MODELS,
          'warnings/alert_signals',
          'warnings/alert_signal_records',
        ],
      },
      {
        step: 'detectorWarnings',
        models: [
          'warnings/alert_group_records',
          'warnings/alert_group_baselines',
          'warnings/alert_group_evidence',
          // a warning's baseline: its cell's complaints of the year before, listed when a warning needs them
          'intermediate/int_alert_cell_records',
          'warnings/alert_group_baseline_terms',
          'warnings/sentinel_records',
          'warnings/sentinel_working_days',
        ],
      },
    ],
  },
  {
    // what hospitals fixed and whether complaints fell (a failed fix reopens its warning), then the month's topic
    stage: 'fixes',
    steps: [
      { step: 'reviewFixes', models: [...READ_MODELS, 'fixes/fix_input', 'fixes/stg_fixes', 'fixes/int_fix_counts', 'fixes/fix_verdicts', 'fixes/mart_fix_reviews'] },
      { models: ['marts/mart_month_topics'] },
    ],
  },
  { stage: 'warnings', steps: [{ step: 'raiseWarnings', models: ['marts/mart_warning_candidates'] }] },
  {
    stage: 'publish',
    steps: [{ step: 'runSummary', models: [] }, { models: ['marts/mart_department_packs'] }, { step: 'publish', models: ['warnings/pack_quote_records', 'warnings/pack_quote_texts', ...REPORT_SCOPE_MODELS, ...REPORT_MODELS] }],
  },
] as const satisfies readonly Stage[];

export type StageName = (typeof PLAN)[number]['stage'];

type StepOf<S extends StageName> = Extract<Extract<(typeof PLAN)[number], { stage: S }>['steps'][number], { step: string }>;

export type StepName<S extends StageName> = StepOf<S>['step'];

/** What a TypeScript step may do with the models the plan lists beside it, and nothing else. */
export interface StepModels {
  /** Runs one of the step's models (it may hold several statements). */
  run(model: string): Promise<void>;
  /** The SQL text of one of the step's models: a query the step runs with its own parameters, or hashes. */
  sql(model: string): string;
}

/** The TypeScript steps of some stages, as the command executing them writes them. */
export type StepBodies<S extends StageName> = { [N in StepName<S>]: (models: StepModels) => Promise<void> };

/** Called after each model and each TypeScript step with its wall time (a step's includes the models it ran). */
export type Timed = (name: string, seconds: number) => void;

/** Runs `work`, telling `timed` (when given) how long it took. */
async function timing(name: string, timed: Timed | undefined, work: () => Promise<void>): Promise<void> {
  if (timed === undefined) return work();
  const started = performance.now();
  await work();
  timed(name, (performance.now() - started) / 1000);
}

function stepModels(connection: DuckDBConnection, step: TypeScriptStep, timed?: Timed): StepModels {
  const declared = (model: string): string => {
    if (!step.models.includes(model)) throw new Error(`plan: step ${step.step} runs ${model}, which pipeline/plan.ts does not list beside it`);
    return model;
  };
  return {
    run: async (model) => timing(model, timed, () => runPlannedModel(connection, declared(model))),
    sql: (model) => modelSql(declared(model)),
  };
}

/**
 * The models a step may run, for code that runs that one step alone (a benchmark, a test).
 * @example await analyseFeedbackText(connection, progress, label, modelsOfStep(connection, 'text', 'analyseText'))
 */
export function modelsOfStep<S extends StageName>(connection: DuckDBConnection, stage: S, step: StepName<S>): StepModels {
  const found = PLAN.find((entry) => entry.stage === stage)?.steps.find((entry) => 'step' in entry && entry.step === step);
  if (found === undefined || !('step' in found)) throw new Error(`plan: no step ${step} in stage ${stage}`);
  return stepModels(connection, found);
}

/** What a command does as a stage starts or finishes: progress lines, crash points. */
export interface StageHooks<S extends StageName> {
  started?(stage: S): void;
  finished?(stage: S): void;
  /** Each model's and each TypeScript step's wall time, for profiling a run (`--verbose`). */
  timed?: Timed;
  /** The marts to build (a subset of MART_MODELS, as martsReadBy gives); absent: every one. */
  marts?: ReadonlySet<string>;
}

/**
 * The marts (MART_MODELS) that the models of `stages` read, directly or through other marts, by
 * the relation names in their SQL; with those updated in place (UPDATED_MODELS) always, which must
 * keep up with the record versions the satisfaction stage stores. A command that executes only
 * those stages (a backtest) builds only these: the other marts, rebuilt whole for each as-of date,
 * are what the site and the exports read.
 */
export function martsReadBy(stages: readonly StageName[]): Set<string> {
  const reads = (model: string) => MART_MODELS.filter((mart) => mart !== model && new RegExp(`\\b${relationOf(mart)}\\b`).test(modelSql(model)));
  const marts = new Set<string>(MART_MODELS.filter((mart) => UPDATED_MODELS.has(mart)));
  const pending: string[] = PLAN.filter((stage) => stages.includes(stage.stage)).flatMap((stage) => stage.steps.flatMap((step) => [...step.models]));
  pending.push(...marts);
  for (let model = pending.pop(); model !== undefined; model = pending.pop()) {
    for (const mart of reads(model)) {
      if (marts.has(mart)) continue;
      marts.add(mart);
      pending.push(mart);
    }
  }
  return marts;
}

/** Whether the plan builds one of its models: every one but the marts left out of `marts` (StageHooks). */
function builds(model: string, marts: ReadonlySet<string> | undefined): boolean {
  return marts === undefined || !(MART_MODELS as readonly string[]).includes(model) || marts.has(model);
}

/**
 * Executes the given stages of the plan, in the plan's order: models by the plan, TypeScript
 * steps by `bodies`.
 * @example await executePlan(connection, ['warehouse'], { session: ..., referenceTables: ... })
 */
export async function executePlan<S extends StageName>(
  connection: DuckDBConnection,
  stages: readonly S[],
  bodies: StepBodies<S>,
  hooks: StageHooks<S> = {},
): Promise<void> {
  const run = bodies as Record<string, (models: StepModels) => Promise<void>>;
  for (const stage of PLAN) {
    if (!(stages as readonly string[]).includes(stage.stage)) continue;
    hooks.started?.(stage.stage as S);
    for (const step of stage.steps as readonly (ModelStep | TypeScriptStep)[]) {
      if ('step' in step) await timing(step.step, hooks.timed, () => run[step.step]!(stepModels(connection, step, hooks.timed)));
      else for (const model of step.models) if (builds(model, hooks.marts)) await timing(model, hooks.timed, () => runPlannedModel(connection, model));
    }
    hooks.finished?.(stage.stage as S);
  }
}
