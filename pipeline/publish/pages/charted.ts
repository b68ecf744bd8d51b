import type { ChannelMonthRow } from '../../../dashboards/charts/complaints-chart.ts';
import type { PraiseMonthRow } from '../../../dashboards/charts/praise-chart.ts';
import type { SectionTrendRow } from '../../../dashboards/charts/sections-chart.ts';
import type { PraiseData } from '../../../dashboards/praise-section.ts';
import type { Language } from '../../config.ts';
import { queryRows } from '../../db.ts';
import { praiseThemes, type PraiseRecord } from '../../frequency/praise.ts';
import { termKey, termSurfaces } from '../../frequency/terms.ts';
import type { SiteContext } from './site-page.ts';

/** The months the site's charts of complaints show: the 24 months to the latest complete one ($month). */
export const CHARTED_MONTHS = "month <= $month and month > strftime(($month || '-01')::date - interval 24 month, '%Y-%m')";

/** Complaints per channel and social platform by month (mart_complaint_channels), of every hospital's departments and `ALL`, the months charted. */
export function readChannelMonths(site: SiteContext, month: string): Promise<(ChannelMonthRow & { hospital: string; department: string })[]> {
  return site.once(`channels ${month}`, () => queryRows(site.connection, `select hospital, department, month, channel, platform, complaints from mart_complaint_channels where ${CHARTED_MONTHS}`, { month }));
}

/** Satisfaction by section and patient type (mart_satisfaction_section_trend) over the charted months. */
export function readSectionTrend(site: SiteContext, month: string): Promise<(SectionTrendRow & { hospital: string; department: string })[]> {
  return site.once(`sections ${month}`, () => queryRows(site.connection, `select * from mart_satisfaction_section_trend where dimension <> 'all' and ${CHARTED_MONTHS}`, { month }));
}

/**
 * Praise per hospital and department (and `ALL`): its months from mart_praise (the charted months)
 * and the themes and quotes of its 12 months' records (mart_praise_records, praiseThemes). Read once per run.
 */
export function readPraise(site: SiteContext, month: string): Promise<(hospital: string | null, department: string) => PraiseData> {
  return site.once(`praise ${month}`, async () => {
    const { connection } = site;
    const months = await queryRows<PraiseMonthRow & { hospital: string; department: string }>(connection, `select hospital, department, month, praise from mart_praise where ${CHARTED_MONTHS}`, { month });
    const records = await queryRows<PraiseRecord & { hospital: string; source: string }>(connection, 'select * from mart_praise_records order by hospital, department, id, source');
    const surfaces = await termSurfaces(connection);
    const surface = (lang: Language, term: string) => surfaces.get(termKey(lang, term)) ?? term;
    return (hospital: string | null, department: string) => ({
      month,
      months: months.filter((row) => row.hospital === hospital && row.department === department),
      themes: praiseThemes(records.filter((row) => row.hospital === hospital && (department === 'ALL' || row.department === department)), surface),
    });
  });
}
