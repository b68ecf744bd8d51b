import type { Language } from '../../pipeline/config.ts';
import { fill, html, page } from '../html.ts';
import { dayTag, instantTag, periodTag } from '../time-tag.ts';
import { t } from '../../pipeline/i18n.ts';
import { reportWords } from './copy.ts';

/** A published report: its rhythm, its period and hospital, and its two files relative to reports/. */
export interface PublishedReport {
  rhythm: 'daily' | 'weekly' | 'monthly';
  period: string;
  hospital: string | null;
  html: string;
  markdown: string;
}

/** When and from what data the reports were written: the run's time and as-of date. */
export interface ReportsBuild {
  generatedAt: string;
  asOf: string;
  /** The zone the build time is written in (the config's). */
  timeZone?: string;
}

/**
 * reports/index.html: every published report by rhythm, the newest first, each with its printable
 * page and its Markdown; it says when it was built (the reports themselves do not, so that a
 * period's report reads the same from every run).
 */
export function renderReportsIndex(reports: readonly PublishedReport[], language: Language, dailyDays: number, build: ReportsBuild): string {
  const words = reportWords(language);
  const list = (rhythm: PublishedReport['rhythm']) => {
    const items = reports
      .filter((report) => report.rhythm === rhythm)
      .sort((a, b) => b.period.localeCompare(a.period) || (a.hospital ?? '').localeCompare(b.hospital ?? ''))
      .map((report) => {
        return html`<li><a href="${report.html}">${periodTag(language, report.period)}${report.hospital === null ? '' : ` · ${report.hospital}`}</a> (<a href="${report.markdown}">Markdown</a>)</li>
`;
      });
    return items.length === 0 ? html`<p>${words.say('index.none')}</p>` : html`<ul>${items}</ul>`;
  };
  const body = html`
<h1>${words.say('index.title')}</h1>
<p class="meta">${fill(t(language, 'site.builtAt'), { generated: instantTag(language, build.generatedAt, build.timeZone), asOf: dayTag(language, build.asOf) })}</p>
<p>${words.say('index.intro', { days: words.number(dailyDays) })}</p>
<p><a href="../index.html">hearken</a></p>
<h2>${words.say('index.monthly')}</h2>
${list('monthly')}
<h2>${words.say('index.weekly')}</h2>
${list('weekly')}
<h2>${words.say('index.daily')}</h2>
${list('daily')}
`;
  return page({ lang: language, title: words.say('index.title'), body });
}
