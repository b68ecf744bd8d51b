import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Config, Language } from '../config.ts';
import { queryRows, setVariables } from '../db.ts';
import { INGEST_MODELS, type StepModels } from '../plan.ts';
import { EXIT_USAGE, PipelineError } from '../errors.ts';
import { t } from '../i18n.ts';
import { QUARANTINE_REASONS_FILE } from '../quarantine-reasons.ts';

/** The reference tables a hospital can extend, each a CSV in data/reference or an added folder. */
export const REFERENCE_TABLES = {
  ref_departments_raw: 'departments.csv',
  ref_department_aliases_raw: 'department_aliases.csv',
  ref_value_aliases_raw: 'value_aliases.csv',
  ref_complaint_sla_raw: 'complaint_sla.csv',
  ref_holidays_raw: 'holidays.csv',
  ref_response_limits_raw: 'response_limits.csv',
  ref_department_owners_raw: 'department_owners.csv',
  ref_visits_raw: 'visits.csv',
} as const;

/** Columns a table may have or not: absent from every file, they are added empty, so no model need ask (a department's division, `parent`). */
const OPTIONAL_COLUMNS: Readonly<Record<string, readonly string[]>> = { ref_departments_raw: ['parent'] };

/** Tables only the marts read: changing them rebuilds the marts at the next run but re-reads no file. */
const MART_ONLY_TABLES: ReadonlySet<string> = new Set([
  'ref_complaint_sla_raw', 'ref_holidays_raw', 'ref_response_limits_raw', 'ref_department_owners_raw', 'ref_visits_raw',
]);

function referenceFiles(config: Config, fileName: string): string[] {
  return config.referenceDirs.map((dir) => join(dir, fileName)).filter((path) => existsSync(path));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a reference table that is not UTF-8 (a BOM is fine): Excel saves a CSV as GBK or
 * cp1252, which DuckDB stops on with "CSV Error on Line: 2" and no file name. Reference tables are
 * small and few, so they are checked whole.
 */
function checkUtf8(path: string, language: Language): void {
  try {
    utf8.decode(readFileSync(path));
  } catch {
    throw new PipelineError('reference', t(language, 'reference.notUtf8', { file: path }), EXIT_USAGE);
  }
}

/**
 * Loads every reference table afresh, the shipped rows and the hospital's own together, and the
 * wording of the quarantine reasons (shipped only: no hospital words them otherwise).
 */
export async function loadReferenceTables(connection: DuckDBConnection, config: Config, models: StepModels): Promise<void> {
  for (const [table, fileName] of Object.entries(REFERENCE_TABLES)) {
    const files = referenceFiles(config, fileName);
    if (files.length === 0) throw new PipelineError('reference', t(config.language, 'reference.none', { file: fileName, dirs: config.referenceDirs.join(', ') }));
    for (const file of files) checkUtf8(file, config.language);
    // file_rank: the folder's place in reference_dirs (1 = shipped), for tables where a hospital's row replaces a shipped one.
    // Made here and not by a model: the columns are the files' headers (a hospital's may carry more), and staging/ reads them by name.
    await connection.run(
      `create or replace table ${table} as
       select * exclude (filename), list_position($files, filename)::integer as file_rank
       from read_csv($files, header = true, all_varchar = true, union_by_name = true, filename = true)`,
      { files: listValue(files) },
    );
    for (const column of OPTIONAL_COLUMNS[table] ?? []) await connection.run(`alter table ${table} add column if not exists ${column} varchar`);
  }
  await checkComplaintSla(connection, config.language);
  await checkResponseLimits(connection, config.language);
  await checkVisits(connection, config.language);
  await setVariables(connection, { quarantine_reasons_file: QUARANTINE_REASONS_FILE });
  await models.run('staging/stg_quarantine_reasons');
}

/** The marts cast response_limit to a number and read unit as a code: a hospital's typo stops here, with its row. */
async function checkResponseLimits(connection: DuckDBConnection, language: Language): Promise<void> {
  const [bad] = await queryRows<{ channel: string | null; response_limit: string | null; unit: string | null }>(
    connection,
    `select channel, response_limit, unit from ref_response_limits_raw
     where not coalesce(isfinite(try_cast(trim(response_limit) as double)) and try_cast(trim(response_limit) as double) between 0 and 3650, false)
        or coalesce(lower(trim(unit)), '') not in ('hours', 'working_days')
     order by all limit 1`,
  );
  if (bad) {
    throw new PipelineError('reference', t(language, 'reference.responseLimit', { channel: bad.channel ?? '', limit: bad.response_limit ?? '', unit: bad.unit ?? '' }));
  }
}

/** The marts cast visits to a count of a month: a hospital's typo stops here, with its row. */
async function checkVisits(connection: DuckDBConnection, language: Language): Promise<void> {
  const [bad] = await queryRows<{ hospital: string | null; month: string | null; visits: string | null }>(
    connection,
    `select hospital, month, visits from ref_visits_raw
     where nullif(trim(hospital), '') is null
        or not regexp_full_match(coalesce(trim(month), ''), '\\d{4}-(0[1-9]|1[0-2])')
        or not coalesce(regexp_full_match(trim(visits), '\\d+') and try_cast(trim(visits) as bigint) > 0, false)
     order by all limit 1`,
  );
  if (bad) throw new PipelineError('reference', t(language, 'reference.visits', { hospital: bad.hospital ?? '', month: bad.month ?? '', visits: bad.visits ?? '' }));
}

/** The marts cast sla_days to a number of days: a hospital's typo stops here, with its row, not as a cast error. */
async function checkComplaintSla(connection: DuckDBConnection, language: Language): Promise<void> {
  const [bad] = await queryRows<{ category: string | null; sla_days: string | null }>(
    connection,
    `select category, sla_days from ref_complaint_sla_raw
     where not coalesce(isfinite(try_cast(trim(sla_days) as double)) and try_cast(trim(sla_days) as double) between 0 and 3650, false)
     order by all limit 1`,
  );
  if (bad) throw new PipelineError('reference', t(language, 'reference.slaDays', { category: bad.category ?? '', days: bad.sla_days ?? '' }));
}


/**
 * A digest of everything that decides what a file's rows become: the ingest models, the
 * reference tables the ingest reads (not the mart-only ones), the column mappings and the time zone. A file already read under the same
 * rules is skipped; when any rule changes, files are read again and only real changes land.
 */
export function rulesFingerprint(config: Config, models: StepModels): string {
  const hash = createHash('sha256');
  for (const model of INGEST_MODELS) hash.update(models.sql(model));
  for (const [table, fileName] of Object.entries(REFERENCE_TABLES)) {
    if (MART_ONLY_TABLES.has(table)) continue;
    for (const path of referenceFiles(config, fileName)) hash.update(readFileSync(path));
  }
  hash.update(JSON.stringify(config.mappings));
  hash.update(config.timezone);
  hash.update(JSON.stringify(config.timezonesByPath));
  return hash.digest('hex');
}
