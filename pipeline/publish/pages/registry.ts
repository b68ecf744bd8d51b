import { departmentIndexPage, departmentPage } from './departments.ts';
import { homePage } from './home.ts';
import { issuesPage } from './issues.ts';
import { leadershipPage } from './leadership.ts';
import type { SitePage } from './site-page.ts';

/**
 * Every page of the site: publish reads each page's data once and renders it in every language.
 * A new page is a module with its queries (sitePage), listed here, and its render under its name
 * in PAGE_RENDERS (page-render.ts).
 */
export const SITE_PAGES: readonly SitePage[] = [homePage, issuesPage, leadershipPage, departmentIndexPage, departmentPage];
