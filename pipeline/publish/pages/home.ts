import { hospitalSummary, type HospitalSummary } from '../../../dashboards/group-view.ts';
import { warningData } from '../../../dashboards/run-report.ts';
import { departmentPacks } from './departments.ts';
import { leadershipData } from './leadership.ts';
import { hospitalPages } from './paths.ts';
import { hospitalTimeZone, sitePage } from './site-page.ts';

/**
 * The first page, index.html: this week's warnings (a list that filters), the group view where
 * there are several hospitals (each hospital's row from its own leadership page's data), the run
 * summary and the data-quality report.
 */
export const homePage = sitePage({
  name: 'home',
  read: async (site) => {
    const group: HospitalSummary[] = [];
    if (site.several) for (const hospital of site.hospitals) if (hospital !== null) group.push(hospitalSummary(hospital, hospitalPages(hospital, true), await leadershipData(site, hospital)));
    const only = site.hospitals.length === 1 ? (site.hospitals[0] ?? null) : null;
    const warnings = site.warnings.warnings;
    // each warning links to where its evidence and action are: its department's pack, or the hospital's department index
    const warningPages = new Map<string, string>();
    for (const { slug, pack } of (await departmentPacks(site)).packs) for (const warning of pack.warnings) warningPages.set(warning.id, `departments/${slug}.html`);
    for (const warning of warnings) if (warning.department === null) warningPages.set(warning.id, hospitalPages(warning.hospital, site.several).departments);
    const options = { warnings, group, hospital: only, timeZone: hospitalTimeZone(site.config, only), downloads: [...site.downloads], reports: site.reports, warningPages };
    return [{ path: 'index.html', data: { summary: site.summary, options }, tables: { warnings: warningData(warnings) } }];
  },
});
