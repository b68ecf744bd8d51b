import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { departmentSlug, renderDepartmentIndex, renderDepartmentPage, type DepartmentIndexData, type PackKpis } from '../../dashboards/department-page.ts';
import { renderLeadershipPage, type LeadershipPageData } from '../../dashboards/leadership-page.ts';
import { renderIssuesPage, type EmergingRow, type IssueRow, type IssuesPageData } from '../../dashboards/issues-page.ts';
import { renderRunReport } from '../../dashboards/run-report.ts';
import type { Config, Language } from '../config.ts';
import { queryRows, quoteIdentifier, quoteLiteral } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { MIN_RESPONSES } from '../satisfaction/stage.ts';
import { latestCompleteMonth } from '../satisfaction/trends.ts';
import type { RunSummary } from './run-summary.ts';
import type { WarningsFile } from '../warnings/warnings.ts';
import { publishAtomically } from './atomic.ts';
import { packWarningsWithStaffNames } from './pack-quotes.ts';


/** Marts published under OUT/data/ (contract section 5), each as CSV and Parquet: file name → table. */
export const EXPORTS = {
  satisfaction_index: 'export_satisfaction_index',
  feedback: 'export_feedback',
  complaint_kpis: 'mart_complaint_kpis',
  high_frequency_issues: 'mart_high_frequency_issues',
  department_keywords: 'mart_department_keywords',
  term_keyness: 'mart_term_keyness',
  satisfaction_measures: 'export_satisfaction_measures',
  satisfaction_spc: 'mart_satisfaction_spc',
  satisfaction_funnel: 'mart_satisfaction_funnel',
  satisfaction_hospital_funnel: 'mart_satisfaction_hospital_funnel',
  complaint_backlog: 'mart_complaint_backlog',
  repeat_complaints: 'mart_repeat_complaints',
} as const;

/** The pages of the site, besides one alert pack per department (departments/<slug>.html and .json). */
export const PAGES = ['index.html', 'issues.html', 'leadership.html', 'departments/index.html'] as const;

/**
 * The select a table's CSV is copied from: its columns in order, text ones (and lists of text)
 * through csv_safe_text, so no cell starts like a formula; numbers, dates and booleans as they are.
 *
 * @example csvExportSelect('t', [{ name: 'dept', type: 'VARCHAR' }, { name: 'n', type: 'INTEGER' }])
 * // 'select csv_safe_text("dept") as "dept", "n" from "t"'
 */
export function csvExportSelect(table: string, columns: readonly { name: string; type: string }[]): string {
  const select = columns.map(({ name, type }) => {
    const column = quoteIdentifier(name);
    if (type === 'VARCHAR') return `csv_safe_text(${column}) as ${column}`;
    if (type === 'VARCHAR[]') return `list_transform(${column}, value -> csv_safe_text(value)) as ${column}`;
    return column;
  });
  return `select ${select.join(', ')} from ${quoteIdentifier(table)}`;
}

/**
 * Copies one table to `dir` as `name`.csv (text made safe for spreadsheets) and `name`.parquet (true
 * values), each row with the `run_id` that published it (getvariable('run_id')); every exported
 * mart carries its own `hospital` (contract section 5).
 */
export async function exportTable(connection: DuckDBConnection, table: string, dir: string, name: string): Promise<void> {
  await connection.run(`create or replace temp view export_rows as select *, getvariable('run_id')::varchar as run_id from ${quoteIdentifier(table)}`);
  const columns = await queryRows<{ name: string; type: string }>(connection, 'select column_name as name, column_type as type from (describe export_rows)');
  await connection.run(`copy (${csvExportSelect('export_rows', columns)}) to ${quoteLiteral(join(dir, `${name}.csv`))} (header, delimiter ',')`);
  // Parquet is read by tools, not spreadsheets: it keeps the true values
  await connection.run(`copy export_rows to ${quoteLiteral(join(dir, `${name}.parquet`))} (format parquet)`);
}

/**
 * A pack's file name where there are several hospitals: a short digest of its hospital before its
 * department's slug, so that the same department in two hospitals gets two files, whatever
 * characters the hospitals' names hold.
 *
 * @example packSlug('南院', 'emergency-zh') // 'h4bd041ce-emergency-zh'
 */
export function packSlug(hospital: string | null, departmentSlug: string): string {
  return `h${createHash('sha256').update(hospital ?? '').digest('hex').slice(0, 8)}-${departmentSlug}`;
}

/** Writes the whole output folder (site, warnings, exports, run summary) and swaps it in at once. */
export async function publish(connection: DuckDBConnection, config: Config, summary: RunSummary, warnings: WarningsFile, models: StepModels): Promise<void> {
  const guard = { inputDir: config.inputDir, dbPath: config.dbPath };
  const site = { guard, language: config.language, runId: summary.run_id, generatedAt: summary.generated_at };
  await publishAtomically(config.outDir, site, async (dir) => {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { recursive: true });
    for (const [name, table] of Object.entries(EXPORTS)) await exportTable(connection, table, dataDir, name);
    await writeFile(join(dir, 'warnings.json'), `${JSON.stringify(warnings, null, 2)}\n`);
    await writeFile(join(dir, 'run-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    const downloads = [
      ...Object.keys(EXPORTS).flatMap((name) => [
        { href: `data/${name}.csv`, label: `${name}.csv` },
        { href: `data/${name}.parquet`, label: `${name}.parquet` },
      ]),
      { href: 'warnings.json', label: 'warnings.json' },
      { href: 'run-summary.json', label: 'run-summary.json' },
    ];
    const html = renderRunReport(summary, { language: config.language, warningCount: warnings.warnings.length, downloads });
    await writeFile(join(dir, 'index.html'), html);
    await writeFile(join(dir, 'issues.html'), renderIssuesPage(await readIssuesPageData(connection, summary), config.language));
    await writeFile(join(dir, 'leadership.html'), renderLeadershipPage(await readLeadershipPageData(connection, summary), config.language));
    const departments = await readDepartmentPacks(connection, summary, warnings, config.staffNamesInDepartmentPacks, models);
    const departmentsDir = join(dir, 'departments');
    await mkdir(departmentsDir);
    await writeFile(join(departmentsDir, 'index.html'), renderDepartmentIndex(departments, config.language));
    for (const { slug, pack } of departments.packs) {
      await writeFile(join(departmentsDir, `${slug}.json`), `${JSON.stringify(pack, null, 2)}\n`);
      await writeFile(join(departmentsDir, `${slug}.html`), renderDepartmentPage(pack, config.language));
    }
  });
}

/** The two latest months of high-frequency issues, the hospital-wide emerging terms, and the category report. */
async function readIssuesPageData(connection: DuckDBConnection, summary: RunSummary): Promise<IssuesPageData> {
  const months = (await queryRows<{ month: string }>(connection, 'select distinct month from mart_high_frequency_issues order by month desc limit 2')).map((row) => row.month);
  const issues = await queryRows<IssueRow>(connection, 'select * from mart_high_frequency_issues where month >= $oldest order by month desc, lang, rank', {
    oldest: months.at(-1) ?? '9999-12',
  });
  const emerging = await queryRows<EmergingRow>(connection, "select * from mart_term_keyness where scope = 'ALL' order by lang, emergence is null, g2 desc, term limit 60");
  return { asOf: summary.as_of, generatedAt: summary.generated_at, months, issues, emerging, categories: summary.text.categories };
}

/** The satisfaction and complaint marts of the latest complete month, and the hospital-wide SPC series. */
async function readLeadershipPageData(connection: DuckDBConnection, summary: RunSummary): Promise<LeadershipPageData> {
  const month = latestCompleteMonth(summary.as_of);
  const read = <T>(sql: string) => queryRows<T>(connection, sql, { month });
  return {
    asOf: summary.as_of,
    generatedAt: summary.generated_at,
    month,
    minResponses: MIN_RESPONSES,
    index: await read("select * from export_satisfaction_index where dimension = 'all' and patient_type = 'all' and month = $month"),
    measures: await read('select * from export_satisfaction_measures where month = $month'),
    spc: await read('select * from mart_satisfaction_spc where month = $month'),
    funnel: await read('select * from mart_satisfaction_funnel where month = $month'),
    trend: await read("select * from mart_satisfaction_spc where department = 'ALL' and month <= $month order by month"),
    kpis: await read('select * from mart_complaint_kpis where month = $month'),
    backlog: await queryRows(connection, 'select department, open_complaints, past_due from mart_complaint_backlog'),
  };
}

/**
 * The alert packs: one per hospital's department with a warning or with feedback in the 12 months
 * to the as-of date (mart_department_packs), each with its warnings and its complaint numbers of
 * the latest complete month; the warnings with no department go to the index alone. The same
 * department name in two hospitals is two packs: with several hospitals a pack's file name starts
 * with its hospital's (`packSlug`). With `staffNames` (the hospital's config), a pack's quotes keep
 * staff names; the index's never do.
 */
async function readDepartmentPacks(connection: DuckDBConnection, summary: RunSummary, warnings: WarningsFile, staffNames: boolean, models: StepModels): Promise<DepartmentIndexData> {
  const departments = await queryRows<{ hospital: string; department: string; department_code: string | null; name_lang: Language | null; feedback_records_12_months: number }>(
    connection,
    'select * from mart_department_packs',
  );
  const kpiRows = await queryRows<PackKpis & { hospital: string; department: string }>(
    connection,
    "select hospital, department, month, received, response_rate, resolution_rate, within_sla_rate from mart_complaint_kpis where month = $month and department <> 'ALL'",
    { month: latestCompleteMonth(summary.as_of) },
  );
  const keyOf = (hospital: string | null, department: string) => JSON.stringify([hospital, department]);
  const kpis = new Map(kpiRows.map(({ hospital, department, ...row }) => [keyOf(hospital, department), row]));
  const inPacks = warnings.warnings.filter((warning) => warning.department !== null);
  const packWarnings = staffNames ? await packWarningsWithStaffNames(connection, inPacks, models) : inPacks;
  const known = new Map(departments.map((row) => [keyOf(row.hospital, row.department), row]));
  const names = new Map<string, { hospital: string | null; department: string }>();
  for (const row of departments) if (row.feedback_records_12_months > 0) names.set(keyOf(row.hospital, row.department), row);
  for (const warning of warnings.warnings) if (warning.department !== null) names.set(keyOf(warning.hospital, warning.department), { hospital: warning.hospital, department: warning.department });
  const several = new Set([...names.values()].map((entry) => entry.hospital)).size > 1;
  const packs = [...names].map(([key, { hospital, department }]) => {
    const row = known.get(key);
    const slug = departmentSlug(department, row?.department_code ?? null, row?.name_lang ?? null);
    return {
      slug: several ? packSlug(hospital, slug) : slug,
      pack: {
        hospital,
        department,
        as_of: summary.as_of,
        generated_at: summary.generated_at,
        warnings: packWarnings.filter((warning) => warning.hospital === hospital && warning.department === department),
        kpis: kpis.get(key) ?? null,
      },
    };
  });
  return { asOf: summary.as_of, generatedAt: summary.generated_at, packs, hospitalWide: warnings.warnings.filter((warning) => warning.department === null) };
}
