import { basename } from 'node:path';
import type { CategoryMonthRow } from '../../../dashboards/charts/complaints-chart.ts';
import type { RateRow } from '../../../dashboards/charts/rates-chart.ts';
import type { SatisfactionTrendRow } from '../../../dashboards/charts/satisfaction-chart.ts';
import {
  departmentIndexData,
  departmentSlug,
  type DepartmentIndexData,
  type DepartmentTrends,
  type PackKpis,
} from '../../../dashboards/department-page.ts';
import type { PageMeta } from '../../../dashboards/page-meta.ts';
import type { Language } from '../../config.ts';
import { queryRows } from '../../db.ts';
import { latestCompleteMonth } from '../../satisfaction/trends.ts';
import type { Warning } from '../../warnings/warnings.ts';
import { readFixReviews } from '../../fixes/fixes.ts';
import { packWarningsWithStaffNames } from '../pack-quotes.ts';
import { CHARTED_MONTHS, readChannelMonths, readPraise, readSectionTrend } from './charted.ts';
import { hospitalPages, packSlug } from './paths.ts';
import { hospitalTimeZone, pageMeta, perHospital, sitePage, type SiteContext } from './site-page.ts';

/**
 * The alert packs: one per hospital's department with a warning or with feedback in the 12 months
 * to the as-of date (mart_department_packs), each with its warnings and its complaint numbers of
 * the latest complete month; the warnings with no department go to the index alone. The same
 * department name in two hospitals is two packs: with several hospitals a pack's file name starts
 * with its hospital's (`packSlug`). With `staffNames` (the hospital's config), a pack's quotes keep
 * staff names; the index's never do.
 */
async function readDepartmentPacks(site: SiteContext): Promise<DepartmentIndexData> {
  const { connection, summary, warnings, models } = site;
  const staffNames = site.config.staffNamesInDepartmentPacks;
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
  const reviews = (await readFixReviews(connection)).filter((review) => review.is_current);
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
        // the fixes of the department, and of its warnings that name it
        fixes: reviews.filter(
          (review) =>
            review.hospital === hospital &&
            (review.departments.includes(department) || packWarnings.some((warning) => warning.id === review.warning_id && warning.hospital === hospital && warning.department === department)),
        ),
      },
    };
  });
  return { hospital: null, asOf: summary.as_of, generatedAt: summary.generated_at, runId: summary.run_id, packs, hospitalWide: warnings.warnings.filter((warning) => warning.department === null) };
}

/** The alert packs, read once: the department pages, their index and their JSON files show them. */
export function departmentPacks(site: SiteContext): Promise<DepartmentIndexData> {
  return site.once('packs', () => readDepartmentPacks(site));
}

/** The hospitals that hold records of each department (fct_feedback), in code-unit order. */
function departmentHospitals(site: SiteContext): Promise<Map<string, string[]>> {
  return site.once('department hospitals', async () => {
    const rows = await queryRows<{ department: string; hospitals: string[] }>(
      site.connection,
      'select department, list(distinct hospital order by hospital) as hospitals from fct_feedback group by department',
    );
    return new Map(rows.map((row) => [row.department, row.hospitals]));
  });
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

/** Each department's series for the charts of its page, of one hospital: satisfaction to the latest complete month, complaints over the charted months. */
async function readDepartmentTrends(site: SiteContext): Promise<(hospital: string | null, department: string) => DepartmentTrends> {
  const { connection, summary } = site;
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
  const [byChannels, bySections] = [of(await readChannelMonths(site, values.month)), of(await readSectionTrend(site, values.month))];
  const praise = await readPraise(site, values.month);
  return (hospital, department) => {
    const at = key(hospital, department);
    return {
      satisfaction: bySatisfaction.get(at) ?? [],
      rates: byRates.get(at) ?? [],
      categories: byCategories.get(at) ?? [],
      channels: byChannels.get(at) ?? [],
      sections: bySections.get(at) ?? [],
      // a department name two hospitals share has no charts (hospital null): nor a praise section saying none
      praise: hospital === null ? undefined : praise(hospital, department),
    };
  };
}

/** The index of the alert packs, one per hospital; its table of departments filters. */
export const departmentIndexPage = sitePage({
  name: 'department index',
  read: async (site) => {
    const all = await departmentPacks(site);
    const homes = await departmentHospitals(site);
    return perHospital(site, async (hospital) => {
      const meta = pageMeta(site, hospital);
      const data = site.several ? hospitalDepartments(all, meta, homes) : { ...all, ...meta };
      return { path: hospitalPages(hospital, site.several).departments, data, tables: { departments: departmentIndexData(data) } };
    });
  },
});

/**
 * One department's alert pack as a page: its hospital's charts where the department is one
 * hospital's, and the way back to its hospital's index of departments.
 */
export const departmentPage = sitePage({
  name: 'department',
  read: async (site) => {
    const { packs } = await departmentPacks(site);
    const homes = await departmentHospitals(site);
    const trends = await readDepartmentTrends(site);
    return packs.map(({ slug, pack }) => {
      // a department name that two hospitals use gets no charts rather than the two added up
      const [home, ...others] = homes.get(pack.department) ?? [];
      const hospital = others.length === 0 ? (home ?? null) : null;
      return { path: `departments/${slug}.html`, data: { pack, trends: trends(hospital, pack.department), build: { hospital, runId: site.summary.run_id, timeZone: hospitalTimeZone(site.config, pack.hospital), index: basename(hospitalPages(pack.hospital, site.several).departments) } } };
    });
  },
});
