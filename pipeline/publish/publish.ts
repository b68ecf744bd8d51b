import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CategoryMonthRow } from '../../dashboards/charts/complaints-chart.ts';
import type { RateRow } from '../../dashboards/charts/rates-chart.ts';
import type { SatisfactionTrendRow } from '../../dashboards/charts/satisfaction-chart.ts';
import { departmentSlug, renderDepartmentIndex, renderDepartmentPage, type DepartmentIndexData, type DepartmentTrends, type PackKpis } from '../../dashboards/department-page.ts';
import { renderLeadershipPage, type LeadershipPageData } from '../../dashboards/leadership-page.ts';
import { renderIssuesPage, type EmergingRow, type IssueRow, type IssuesPageData } from '../../dashboards/issues-page.ts';
import { hospitalSummary, type HospitalPages, type HospitalSummary } from '../../dashboards/group-view.ts';
import type { PageMeta } from '../../dashboards/page-meta.ts';
import { renderRunReport } from '../../dashboards/run-report.ts';
import type { Config, Language } from '../config.ts';
import { queryRows, quoteIdentifier, quoteLiteral } from '../db.ts';
import type { StepModels } from '../plan.ts';
import { MIN_RESPONSES } from '../satisfaction/stage.ts';
import { latestCompleteMonth } from '../satisfaction/trends.ts';
import type { RunSummary } from './run-summary.ts';
import type { Warning, WarningsFile } from '../warnings/warnings.ts';
import { publishAtomically } from './atomic.ts';
import { packWarningsWithStaffNames } from './pack-quotes.ts';
import { hospitalFileName, readHospitals } from './reports/scope.ts';
import { writeReports } from './reports/write-reports.ts';


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
  open_cases: 'mart_open_cases',
  repeat_complaints: 'mart_repeat_complaints',
  department_alias_suggestions: 'mart_department_alias_suggestions',
} as const;

/**
 * The pages of the site where the warehouse holds one hospital, besides one alert pack per
 * department (departments/<slug>.html and .json). With several, index.html is the group's and the
 * other three are one per hospital (hospitalPages).
 */
export const PAGES = ['index.html', 'issues.html', 'leadership.html', 'departments/index.html'] as const;

/**
 * Where a hospital's own pages go: today's names where the warehouse holds one hospital, else the
 * names with the hospital's file name before `.html`, as the reports name theirs (contract section 7).
 *
 * @example hospitalPages('分院', true) // { issues: 'issues.分院.html', leadership: 'leadership.分院.html', departments: 'departments/index.分院.html' }
 */
export function hospitalPages(hospital: string | null, several: boolean): HospitalPages {
  const suffix = several && hospital !== null ? `.${hospitalFileName(hospital)}` : '';
  return { issues: `issues${suffix}.html`, leadership: `leadership${suffix}.html`, departments: `departments/index${suffix}.html` };
}

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
    const reports = await writeReports(connection, models, join(dir, 'reports'), config.language, { generatedAt: summary.generated_at, asOf: summary.as_of });
    const departments = await readDepartmentPacks(connection, summary, warnings, config.staffNamesInDepartmentPacks, models);
    const homes = await readDepartmentHospitals(connection);
    const trends = await readDepartmentTrends(connection, summary);
    const departmentsDir = join(dir, 'departments');
    await mkdir(departmentsDir);
    const hospitals = await readHospitals(connection);
    const several = hospitals.length > 1;
    const group: HospitalSummary[] = [];
    // an empty warehouse still gets today's pages, empty
    for (const hospital of hospitals.length === 0 ? [null] : hospitals) {
      const pages = hospitalPages(hospital, several);
      const meta: PageMeta = { hospital, asOf: summary.as_of, generatedAt: summary.generated_at, runId: summary.run_id };
      await writeFile(join(dir, pages.issues), renderIssuesPage(await readIssuesPageData(connection, summary, meta), config.language));
      const leadership = await readLeadershipPageData(connection, summary, meta);
      await writeFile(join(dir, pages.leadership), renderLeadershipPage(leadership, config.language));
      const index = several ? hospitalDepartments(departments, meta, homes) : { ...departments, ...meta };
      await writeFile(join(dir, pages.departments), renderDepartmentIndex(index, config.language));
      if (several && hospital !== null) group.push(hospitalSummary(hospital, pages, leadership));
    }
    for (const { slug, pack } of departments.packs) {
      await writeFile(join(departmentsDir, `${slug}.json`), `${JSON.stringify(pack, null, 2)}\n`);
      // a department name that two hospitals use gets no charts rather than the two added up
      const [home, ...others] = homes.get(pack.department) ?? [];
      const hospital = others.length === 0 ? (home ?? null) : null;
      await writeFile(join(departmentsDir, `${slug}.html`), renderDepartmentPage(pack, config.language, trends(hospital, pack.department), { hospital, runId: summary.run_id }));
    }
    const only = hospitals.length === 1 ? (hospitals[0] ?? null) : null;
    const html = renderRunReport(summary, { language: config.language, warnings: warnings.warnings, group, hospital: only, downloads, reports });
    await writeFile(join(dir, 'index.html'), html);
  });
}

/** A hospital's two latest months of high-frequency issues, its emerging terms, and the category report. */
async function readIssuesPageData(connection: DuckDBConnection, summary: RunSummary, meta: PageMeta): Promise<IssuesPageData> {
  const { hospital } = meta;
  const months = (
    await queryRows<{ month: string }>(connection, 'select distinct month from mart_high_frequency_issues where hospital = $hospital order by month desc limit 2', { hospital })
  ).map((row) => row.month);
  const issues = await queryRows<IssueRow>(connection, 'select * from mart_high_frequency_issues where hospital = $hospital and month >= $oldest order by month desc, lang, rank', {
    hospital,
    oldest: months.at(-1) ?? '9999-12',
  });
  const emerging = await queryRows<EmergingRow>(
    connection,
    "select * from mart_term_keyness where hospital = $hospital and scope = 'ALL' order by lang, emergence is null, g2 desc, term limit 60",
    { hospital },
  );
  const categoryMonths = await queryRows<CategoryMonthRow>(
    connection,
    `select month, category, complaints from mart_complaint_monthly where hospital = $hospital and department = 'ALL' and category <> 'ALL' and ${CHARTED_MONTHS}`,
    { hospital, month: latestCompleteMonth(summary.as_of) },
  );
  return { ...meta, months, issues, emerging, categories: summary.text.categories, categoryMonths };
}

/** The months the site's charts of complaints show: the 24 months to the latest complete one ($month). */
const CHARTED_MONTHS = "month <= $month and month > strftime(($month || '-01')::date - interval 24 month, '%Y-%m')";

/** The departments the chart of complaints by department shows: those with the most in the last 12 months. */
const TOP_DEPARTMENTS = 8;

/** A hospital's satisfaction and complaint marts of the latest complete month, and its hospital-wide series the charts draw. */
async function readLeadershipPageData(connection: DuckDBConnection, summary: RunSummary, meta: PageMeta): Promise<LeadershipPageData> {
  const month = latestCompleteMonth(summary.as_of);
  const read = <T>(sql: string) => queryRows<T>(connection, sql, { month, hospital: meta.hospital });
  return {
    ...meta,
    month,
    minResponses: MIN_RESPONSES,
    index: await read(`select * from export_satisfaction_index where hospital = $hospital and dimension = 'all' and patient_type = 'all' and month = $month`),
    measures: await read(`select * from export_satisfaction_measures where hospital = $hospital and month = $month`),
    spc: await read(`select * from mart_satisfaction_spc where hospital = $hospital and month = $month`),
    funnel: await read(`select * from mart_satisfaction_funnel where hospital = $hospital and month = $month`),
    trend: await read(`select * from mart_satisfaction_trend where hospital = $hospital and department = 'ALL' and month <= $month order by month`),
    kpis: await read('select * from mart_complaint_kpis where hospital = $hospital and month = $month'),
    kpiTrend: await read(`select * from mart_complaint_kpis where hospital = $hospital and department = 'ALL' and ${CHARTED_MONTHS} order by month`),
    categoryMonths: await read(`select month, category, complaints from mart_complaint_monthly where hospital = $hospital and department = 'ALL' and category <> 'ALL' and ${CHARTED_MONTHS}`),
    departmentMonths: await queryRows(
      connection,
      `select month, department, complaints from mart_complaint_monthly where hospital = $hospital and department_rank <= $top and category = 'ALL' and ${CHARTED_MONTHS}`,
      { month, hospital: meta.hospital, top: TOP_DEPARTMENTS },
    ),
    topDepartments: TOP_DEPARTMENTS,
    backlog: await queryRows(connection, 'select department, open_complaints, past_due from mart_complaint_backlog where hospital = $hospital', { hospital: meta.hospital }),
    openCases: await queryRows(
      connection,
      "select * replace (strftime(received_date, '%Y-%m-%d') as received_date, strftime(due_date, '%Y-%m-%d') as due_date) from mart_open_cases where hospital = $hospital",
      { hospital: meta.hospital },
    ),
  };
}

/** Each department's series for the charts of its page, of one hospital: satisfaction to the latest complete month, complaints over the charted months. */
async function readDepartmentTrends(connection: DuckDBConnection, summary: RunSummary): Promise<(hospital: string | null, department: string) => DepartmentTrends> {
  const values = { month: latestCompleteMonth(summary.as_of) };
  const satisfaction = await queryRows<SatisfactionTrendRow & { hospital: string | null; department: string }>(
    connection,
    "select * from mart_satisfaction_trend where department <> 'ALL' and month <= $month",
    values,
  );
  const rates = await queryRows<RateRow & { hospital: string; department: string }>(connection, `select * from mart_complaint_kpis where department <> 'ALL' and ${CHARTED_MONTHS}`, values);
  const categories = await queryRows<CategoryMonthRow & { hospital: string; department: string }>(
    connection,
    `select hospital, department, month, category, complaints from mart_complaint_monthly where department <> 'ALL' and category <> 'ALL' and ${CHARTED_MONTHS}`,
    values,
  );
  const key = (hospital: string | null, department: string) => JSON.stringify([hospital, department]);
  const of = <T extends { hospital: string | null; department: string }>(rows: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(key(row.hospital, row.department));
      if (group === undefined) groups.set(key(row.hospital, row.department), [row]);
      else group.push(row);
    }
    return groups;
  };
  const [bySatisfaction, byRates, byCategories] = [of(satisfaction), of(rates), of(categories)];
  return (hospital, department) => {
    const at = key(hospital, department);
    return { satisfaction: bySatisfaction.get(at) ?? [], rates: byRates.get(at) ?? [], categories: byCategories.get(at) ?? [] };
  };
}

/** The hospitals that hold records of each department (fct_feedback), in code-unit order. */
async function readDepartmentHospitals(connection: DuckDBConnection): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ department: string; hospitals: string[] }>(connection, 'select department, list(distinct hospital order by hospital) as hospitals from fct_feedback group by department');
  return new Map(rows.map((row) => [row.department, row.hospitals]));
}

/**
 * One hospital's department index: the packs of the departments it holds records of or was warned
 * about, each showing only that hospital's warnings, and its warnings with no department.
 */
function hospitalDepartments(all: DepartmentIndexData, meta: PageMeta, homes: ReadonlyMap<string, readonly string[]>): DepartmentIndexData {
  const ofHospital = (warnings: readonly Warning[]) => warnings.filter((warning) => warning.hospital === meta.hospital);
  const packs = all.packs
    .map(({ slug, pack }) => ({ slug, pack: { ...pack, warnings: ofHospital(pack.warnings) } }))
    .filter(({ pack }) => pack.warnings.length > 0 || (meta.hospital !== null && (homes.get(pack.department) ?? []).includes(meta.hospital)));
  return { ...meta, packs, hospitalWide: ofHospital(all.hospitalWide) };
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
  return { hospital: null, asOf: summary.as_of, generatedAt: summary.generated_at, runId: summary.run_id, packs, hospitalWide: warnings.warnings.filter((warning) => warning.department === null) };
}
