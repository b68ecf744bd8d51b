import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, normalizeConfig } from '../pipeline/config.ts';
import { queryRows } from '../pipeline/db.ts';
import { executePlan, modelsOfStep, PLAN } from '../pipeline/plan.ts';
import { warehouseSteps } from '../pipeline/warehouse-ingest.ts';

/** Every file under `dir` whose name ends in `suffix`, relative to the project root with `/`. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(PROJECT_ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const planned = new Set<string>(PLAN.flatMap((stage) => stage.steps.flatMap((step) => [...step.models])));

describe('the stage plan (pipeline/plan.ts)', () => {
  it('is the only code that runs a model or reads its SQL', () => {
    const product = ['pipeline', 'dashboards', 'data/generator'].flatMap((dir) => filesUnder(dir, '.ts'));
    const runners = product.filter((path) => /\b(runModel|modelSql)\(/.test(readFileSync(join(PROJECT_ROOT, path), 'utf8')));
    expect(runners).toEqual(['pipeline/db.ts', 'pipeline/plan.ts']);
  });

  it('leaves the sample generator outside the product: nothing in pipeline/ or dashboards/ imports data/generator/', () => {
    const product = ['pipeline', 'dashboards'].flatMap((dir) => filesUnder(dir, '.ts'));
    expect(product.filter((path) => /from '[./]*data\/generator\//.test(readFileSync(join(PROJECT_ROOT, path), 'utf8')))).toEqual([]);
  });

  it('lists every model of models/, and names no model that is not there', () => {
    const files = filesUnder('models', '.sql').map((path) => path.slice('models/'.length, -'.sql'.length));
    expect(files.filter((model) => !planned.has(model))).toEqual([]);
    expect([...planned].filter((model) => !files.includes(model))).toEqual([]);
  });

  it('names each stage and each TypeScript step once', () => {
    const stages = PLAN.map((stage) => stage.stage);
    const steps = PLAN.flatMap((stage) => stage.steps.flatMap((step) => ('step' in step ? [step.step] : [])));
    expect(new Set(stages).size).toBe(stages.length);
    expect(new Set(steps).size).toBe(steps.length);
  });
});

describe('executing the plan', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  // a warehouse of its own for each test: the first checks what the stage finds before it has run
  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterEach(() => {
    connection.closeSync();
    instance.closeSync();
  });

  it('runs the stages asked for in the plan order, models and steps interleaved as listed', async () => {
    const config = normalizeConfig({ lang: 'en' });
    const seen: string[] = [];
    const steps = warehouseSteps(connection, config);
    await executePlan(
      connection,
      ['warehouse'],
      {
        session: async (models) => {
          seen.push('session');
          await steps.session(models);
        },
        upgradeCodedValues: async (models) => {
          seen.push('upgradeCodedValues');
          await steps.upgradeCodedValues(models);
        },
        upgradeHospitals: async (models) => {
          seen.push('upgradeHospitals');
          await steps.upgradeHospitals(models);
        },
        upgradeSurveyAnswers: async (models) => {
          seen.push('upgradeSurveyAnswers');
          await steps.upgradeSurveyAnswers(models);
        },
        referenceTables: async (models) => {
          // the macros and the landing tables ran before this step, stg_value_aliases after it
          const [row] = await queryRows<{ redacted: string; landing: number; aliases: number }>(
            connection,
            "select redact_pii('call 13812345678') as redacted, (select count(*) from duckdb_tables() where table_name = 'feedback_records') as landing, (select count(*) from duckdb_tables() where table_name = 'stg_value_aliases') as aliases",
          );
          seen.push(`referenceTables ${row?.redacted} ${row?.landing} ${row?.aliases}`);
          await steps.referenceTables(models);
        },
        upgradeQuarantineReasons: async (models) => {
          seen.push('upgradeQuarantineReasons');
          await steps.upgradeQuarantineReasons(models);
        },
      },
      { started: (stage) => seen.push(`started ${stage}`), finished: (stage) => seen.push(`finished ${stage}`) },
    );
    const [after] = await queryRows<{ aliases: number }>(connection, 'select count(*) as aliases from stg_value_aliases');
    expect(seen).toEqual(['started warehouse', 'session', 'upgradeCodedValues', 'upgradeHospitals', 'upgradeSurveyAnswers', 'referenceTables call [phone] 1 0', 'upgradeQuarantineReasons', 'finished warehouse']);
    expect(after?.aliases).toBeGreaterThan(0);
  });

  it('tells `timed` each model and each TypeScript step, in order, with its wall time (a step after the models it ran)', async () => {
    const config = normalizeConfig({ lang: 'en' });
    const timed: [string, number][] = [];
    await executePlan(connection, ['warehouse'], warehouseSteps(connection, config), { timed: (name, seconds) => timed.push([name, seconds]) });
    const names = timed.map(([name]) => name);
    // the warehouse stage as pipeline/plan.ts lists it: referenceTables runs stg_quarantine_reasons itself
    expect(names).toEqual([
      'session',
      'macros/normalize_key', 'macros/parse_local_timestamp', 'macros/redact_pii', 'macros/script_language', 'macros/missing_problem',
      'macros/timestamp_problem', 'macros/required_fields_problem', 'macros/csv_safe_text', 'macros/percent_of',
      'macros/complaint_handling_rates', 'macros/hospital_of_path', 'macros/input_values_cleaned', 'macros/due_working_day_index',
      'macros/department_core', 'macros/in_report_scope', 'macros/satisfaction_cell_head',
      'landing/ingested_files', 'landing/input_file_stats', 'landing/feedback_records', 'landing/warehouse_secrets', 'landing/survey_responses',
      'landing/stored_feedback_keys', 'landing/stored_survey_keys', 'landing/quarantine', 'landing/text_analyses', 'landing/record_terms',
      'landing/learned_text_statistics', 'landing/category_classifiers', 'landing/inferred_categories', 'landing/warning_log', 'landing/published_partitions', 'landing/published_charts',
      'upgradeCodedValues',
      'upgradeHospitals',
      'upgradeSurveyAnswers',
      'landing/survey_answers',
      'staging/stg_quarantine_reasons',
      'referenceTables',
      'upgradeQuarantineReasons',
      'staging/stg_value_aliases',
      'staging/stg_departments', 'staging/stg_department_aliases', 'staging/stg_response_limits', 'staging/stg_department_owners', 'staging/stg_visits',
    ]);
    expect(timed.every(([, seconds]) => seconds >= 0)).toBe(true);
    const seconds = Object.fromEntries(timed);
    expect(seconds.referenceTables).toBeGreaterThanOrEqual(seconds['staging/stg_quarantine_reasons']!);
  });

  it('lets a step run only the models the plan lists beside it', async () => {
    const models = modelsOfStep(connection, 'text', 'inferCategories');
    await expect(models.run('text/pending_text')).rejects.toThrow(/inferCategories runs text\/pending_text/);
    expect(() => models.sql('marts/fct_feedback')).toThrow(/does not list/);
    expect(modelsOfStep(connection, 'publish', 'publish').sql('warnings/pack_quote_texts')).toMatch(/pack_quote_records/);
  });
});
