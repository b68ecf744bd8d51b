import type { CategoryMonthRow } from '../../../dashboards/charts/complaints-chart.ts';
import type { HeatCellRow } from '../../../dashboards/charts/heatmap-chart.ts';
import type { EmergingRow, IssueRow, IssuesPageData } from '../../../dashboards/issues-page.ts';
import type { PageMeta } from '../../../dashboards/page-meta.ts';
import { queryRows } from '../../db.ts';
import { latestCompleteMonth } from '../../satisfaction/trends.ts';
import { CHARTED_MONTHS } from './charted.ts';
import { hospitalPages } from './paths.ts';
import { pageMeta, perHospital, sitePage, type SiteContext } from './site-page.ts';

/** A hospital's two latest months of high-frequency issues, its emerging terms, and the category report. */
async function readIssuesPageData(site: SiteContext, meta: PageMeta): Promise<IssuesPageData> {
  const { connection, summary } = site;
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
  const heatMonth = latestCompleteMonth(summary.as_of);
  return { ...meta, months, issues, emerging, categories: summary.text.categories, categoryMonths, heatMonth, heatCells: await readHeatCells(site, hospital, heatMonth) };
}

/** A hospital's department × category cells of one month against their expected level (mart_department_category_heat). */
function readHeatCells(site: SiteContext, hospital: string | null, month: string): Promise<HeatCellRow[]> {
  return queryRows<HeatCellRow>(site.connection, 'select department, category, observed, expected, ratio, well_above from mart_department_category_heat where hospital = $hospital and month = $month', { hospital, month });
}

/** The quality office's page of high-frequency issues and emerging terms, one per hospital. */
export const issuesPage = sitePage({
  name: 'issues',
  read: (site) => perHospital(site, async (hospital) => ({ path: hospitalPages(hospital, site.several).issues, data: await readIssuesPageData(site, pageMeta(site, hospital)) })),
});
