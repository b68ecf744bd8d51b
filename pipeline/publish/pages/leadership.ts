import type { LeadershipPageData } from '../../../dashboards/leadership-page.ts';
import { openCaseData } from '../../../dashboards/open-cases.ts';
import type { PageMeta } from '../../../dashboards/page-meta.ts';
import { queryRows } from '../../db.ts';
import { MIN_RESPONSES } from '../../satisfaction/stage.ts';
import { latestCompleteMonth } from '../../satisfaction/trends.ts';
import { CHARTED_MONTHS, readPraise } from './charted.ts';
import { hospitalPages } from './paths.ts';
import { pageMeta, perHospital, sitePage, type SiteContext } from './site-page.ts';

/** The departments the chart of complaints by department shows: those with the most in the last 12 months. */
const TOP_DEPARTMENTS = 8;

/** A hospital's satisfaction and complaint marts of the latest complete month, and its hospital-wide series the charts draw. */
async function readLeadershipPageData(site: SiteContext, meta: PageMeta): Promise<LeadershipPageData> {
  const { connection, summary } = site;
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
    channelMonths: await read(`select month, channel, platform, complaints from mart_complaint_channels where hospital = $hospital and department = 'ALL' and ${CHARTED_MONTHS}`),
    sectionTrend: await read(`select * from mart_satisfaction_section_trend where hospital = $hospital and department = 'ALL' and dimension <> 'all' and ${CHARTED_MONTHS}`),
    praise: (await readPraise(site, month))(meta.hospital, 'ALL'),
    divisions: await read('select * from mart_division_kpis where hospital = $hospital and month = $month'),
    surveyModes: await read('select * from mart_satisfaction_modes where hospital = $hospital and month = $month'),
    visitRates: await read('select month, received, visits from mart_complaint_visit_rates where hospital = $hospital and month = $month'),
    surveyed: (await queryRows<{ surveyed: boolean }>(connection, 'select exists (select 1 from export_satisfaction_index where hospital = $hospital) as surveyed', { hospital: meta.hospital }))[0]?.surveyed ?? false,
  };
}

/** A hospital's leadership page data, read once: its page and the group view's row both show it. */
export function leadershipData(site: SiteContext, hospital: string | null): Promise<LeadershipPageData> {
  return site.once(`leadership:${JSON.stringify(hospital)}`, () => readLeadershipPageData(site, pageMeta(site, hospital)));
}

/** The leadership page (satisfaction index and complaint handling), one per hospital; its open-case list filters. */
export const leadershipPage = sitePage({
  name: 'leadership',
  read: (site) =>
    perHospital(site, async (hospital) => {
      const data = await leadershipData(site, hospital);
      return { path: hospitalPages(hospital, site.several).leadership, data, tables: { open_cases: openCaseData(data.openCases) } };
    }),
});
