// The warehouse and ingest stages' steps, shared by `run`, `backtest` and the tests of those stages
// alone: a module apart from run.ts, so that what imports them loads no later stage's modules.
import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Config } from './config.ts';
import { queryRows, setVariables } from './db.ts';
import { discoverInputFiles } from './ingest/discover.ts';
import { ingestFiles } from './ingest/ingest.ts';
import { loadReferenceTables, rulesFingerprint } from './ingest/reference.ts';
import { executePlan, type StepBodies, type StepModels } from './plan.ts';
import type { Progress } from './progress.ts';

/** The landing tables given a hospital column by contract v2: a row without one was loaded before it. */
const HOSPITAL_TABLES = ['feedback_records', 'survey_responses', 'quarantine', 'text_analyses', 'inferred_categories'];
const HOSPITALLESS_ROWS = `select ${HOSPITAL_TABLES.map((table) => `exists (select 1 from ${table} where hospital is null)`).join(' or ')} as before`;

/** The warehouse stage's steps: the session's time zone, and the reference tables. */
export function warehouseSteps(connection: DuckDBConnection, config: Config): StepBodies<'warehouse'> {
  return {
    // naive times are hospital-local: the session zone makes casts and dates read them so
    session: async () => {
      await connection.run('set TimeZone = $zone', { zone: config.timezone });
      // the hospital of files directly in the input folder, for a warehouse made before hospitals too
      await setVariables(connection, { default_hospital: config.hospital });
    },
    // a warehouse made before contract v2 lacks its new coded values: re-typed once
    upgradeCodedValues: async (models) => {
      const [row] = await queryRows<{ current: boolean }>(
        connection,
        "select list_contains(enum_range(null::channel_type), 'callback') and list_contains(enum_range(null::status_type), 'referred') as current",
      );
      if (row?.current !== true) await models.run('landing/upgrade_coded_values');
    },
    // a warehouse made before hospitals holds rows without one: given theirs once
    upgradeHospitals: async (models) => {
      const [row] = await queryRows<{ before: boolean }>(connection, HOSPITALLESS_ROWS);
      if (row?.before === true) await models.run('landing/upgrade_hospitals');
    },
    // a warehouse made before a response's answers were a list on its row keeps them in a table: moved once
    upgradeSurveyAnswers: async (models) => {
      const [row] = await queryRows<{ table: boolean }>(
        connection,
        "select exists (select 1 from duckdb_tables() where database_name = current_database() and table_name = 'survey_answers' and not temporary) as table",
      );
      if (row?.table === true) await models.run('landing/upgrade_survey_answers');
    },
    referenceTables: (models) => loadReferenceTables(connection, config, models),
    // a warehouse from before quarantine reasons were codes holds their English wording: coded once
    upgradeQuarantineReasons: async (models) => {
      const [row] = await queryRows<{ worded: boolean }>(
        connection,
        'select exists (select 1 from quarantine semi join stg_quarantine_reasons as wording on quarantine.reason = wording.en) as worded',
      );
      if (row?.worded === true) await models.run('landing/upgrade_quarantine_reasons');
    },
  };
}

/** Readies a warehouse connection for ingest: the plan's warehouse stage (macros, landing and reference tables). */
export async function prepareSession(connection: DuckDBConnection, config: Config): Promise<void> {
  await executePlan(connection, ['warehouse'], warehouseSteps(connection, config));
}

/** Ingests everything new in the input folder: the ingest step of `run` and `backtest`. */
export async function ingestInput(connection: DuckDBConnection, config: Config, progress: Progress, now: Date, models: StepModels) {
  const runId = randomUUID();
  const discovery = await discoverInputFiles(config.inputDir, config.language);
  const files = await ingestFiles(connection, discovery, { config, runId, now, rulesFingerprint: rulesFingerprint(config, models), progress, models });
  return { runId, discovery, files };
}
