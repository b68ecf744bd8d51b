import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, setVariables } from '../../db.ts';
import { REPORT_SCOPE_MODELS, type StepModels } from '../../plan.ts';

/** Whose records a report covers: one hospital, or (null) every record of the warehouse. */
export interface ReportScope {
  hospital: string | null;
}

/**
 * The scopes of a run's reports (contract section 7): one per hospital where there are several,
 * else one for everything, so that a one-hospital warehouse keeps file names without a suffix.
 *
 * @example reportScopes(['A']) // [{ hospital: null }]
 */
export function reportScopes(hospitals: readonly string[]): ReportScope[] {
  return hospitals.length <= 1 ? [{ hospital: null }] : [...hospitals].sort().map((hospital) => ({ hospital }));
}

/** The hospitals of the warehouse (dim_hospital), in code-unit order. */
export async function readHospitals(connection: DuckDBConnection): Promise<string[]> {
  const rows = await queryRows<{ hospital: string }>(connection, 'select hospital from dim_hospital order by hospital');
  return rows.map((row) => row.hospital);
}

/**
 * Points the reports' views (REPORT_SCOPE_MODELS in plan.ts, the one place that filters by
 * hospital) at a scope: every report model and reader then sees only its records.
 */
export async function applyScope(connection: DuckDBConnection, models: StepModels, scope: ReportScope): Promise<void> {
  await setVariables(connection, { report_hospital: scope.hospital });
  for (const model of REPORT_SCOPE_MODELS) await models.run(model);
}

/**
 * A hospital's name as it goes into a report's file name: letters and digits of any script, `-`
 * and `_`, everything else (spaces, dots, slashes) as `-`; a name with nothing left becomes a
 * digest of itself, so no name can leave the reports' folder or hide a file.
 *
 * @example hospitalFileName('Bệnh viện Đa khoa') // 'Bệnh-viện-Đa-khoa'
 */
export function hospitalFileName(hospital: string): string {
  const name = hospital.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return /[\p{L}\p{N}]/u.test(name) ? name : `h-${createHash('sha256').update(hospital).digest('hex').slice(0, 10)}`;
}

/**
 * A report's file name without its extension: the period, then the hospital where the scope has one.
 *
 * @example reportFileStem('2025-W24', { hospital: null }) // '2025-W24'
 */
export function reportFileStem(period: string, scope: ReportScope): string {
  return scope.hospital === null ? period : `${period}.${hospitalFileName(scope.hospital)}`;
}
