import type { Language } from '../pipeline/config.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import type { KeyTermRow } from '../pipeline/frequency/stage.ts';
import type { CategoryInferenceReport } from '../pipeline/text/categories.ts';
import { complaintsByCategoryChart, type CategoryMonthRow } from './charts/complaints-chart.ts';
import { departmentCategoryHeatmap, type HeatCellRow } from './charts/heatmap-chart.ts';
import { fill, html, page, table, type PageFrame, type SafeHtml } from './html.ts';
import { dayTag, monthTag } from './time-tag.ts';
import { metaLine, pageTitle, type PageMeta } from './page-meta.ts';

/** One row of mart_high_frequency_issues. */
export interface IssueRow {
  month: string;
  lang: string;
  rank: number;
  theme: string;
  records: number;
  previous_month_records: number;
  mean_previous_3_months: number;
  days: number;
  records_per_day: number;
  previous_month_per_day: number | null;
  previous_3_months_per_day: number | null;
  departments: string[];
  locations: string[];
  quotes: string[];
}

/** One hospital-wide row of mart_term_keyness. */
export type EmergingRow = Omit<KeyTermRow, 'scope' | 'term'> & { surface: string };

/** One hospital's issues page (PageMeta names the hospital). */
export interface IssuesPageData extends PageMeta {
  /** The months shown, newest first; the first may run only to the as-of date. */
  months: string[];
  issues: IssueRow[];
  emerging: EmergingRow[];
  categories: CategoryInferenceReport[];
  /** The hospital-wide rows of mart_complaint_monthly by category, the months charted. */
  categoryMonths: CategoryMonthRow[];
  /** The cells of mart_department_category_heat in the latest complete month (`heatMonth`). */
  heatCells?: HeatCellRow[];
  heatMonth?: string;
}

/** The departments the heatmap shows: those with the most complaints in its month. */
const HEATMAP_DEPARTMENTS = 15;

/**
 * The quality office's page (高频事项): the complaints by category month by month (a chart), the
 * high-frequency issues of the latest months per language, the terms emerging in the last 28 days, and how well missing categories were
 * inferred. It only formats what the marts computed; every string is escaped.
 */
export function renderIssuesPage(data: IssuesPageData, language: Language, frame?: PageFrame): string {
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number, digits = 0) => formatNumber(language, Number(value.toFixed(digits)));
  const languages = [...new Set([...data.issues.map((r) => r.lang), ...data.emerging.map((r) => r.lang)])].sort();
  const languageName = (lang: string) => (['zh', 'vi', 'en'].includes(lang) ? m(`lang.${lang}` as MessageKey) : lang);
  const list = (items: string[]): SafeHtml | '' => (items.length === 0 ? '' : html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`);

  const monthSections = data.months.map((month) => {
    const title = data.asOf.startsWith(`${month}-`)
      ? fill(m('issues.monthToDate'), { month: monthTag(language, month), asOf: dayTag(language, data.asOf) })
      : fill(m('issues.month'), { month: monthTag(language, month) });
    const perLanguage = languages.map((lang) => {
      const rows = data.issues.filter((r) => r.month === month && r.lang === lang).sort((a, b) => a.rank - b.rank);
      const body =
        rows.length === 0
          ? html`<p>${m('issues.none')}</p>`
          : table(
              [m('issues.rank'), m('issues.theme'), m('issues.records'), m('issues.perDay'), m('issues.previous'), m('issues.mean3'), m('issues.departments'), m('issues.locations'), m('issues.quotes')],
              rows.map((r) => [
                n(r.rank),
                html`<strong>${r.theme}</strong>`,
                n(r.records),
                n(r.records_per_day, 2),
                r.previous_month_per_day === null ? '' : n(r.previous_month_per_day, 2),
                r.previous_3_months_per_day === null ? '' : n(r.previous_3_months_per_day, 2),
                list(r.departments),
                list(r.locations),
                list(r.quotes),
              ]),
              // on a phone each theme is a card, its lists of departments, places and quotes under their labels
              { numeric: [0, 2, 3, 4, 5], stack: true, prose: [6, 7, 8] },
            );
      return html`<h3>${languageName(lang)}</h3>${body}`;
    });
    return html`<h2>${title}</h2>${perLanguage}`;
  });

  const emerging =
    data.emerging.length === 0
      ? html`<p>${m('issues.noEmerging')}</p>`
      : table(
          [m('issues.language'), m('issues.term'), m('issues.recent'), m('issues.baseline'), m('issues.g2'), m('issues.logRatio'), m('issues.emergence')],
          data.emerging.map((r) => [
            languageName(r.lang),
            html`<strong>${r.surface}</strong>`,
            `${n(r.recent_with_term)} / ${n(r.recent_records)}`,
            `${n(r.baseline_with_term)} / ${n(r.baseline_records)}`,
            n(r.g2, 1),
            n(r.log_ratio, 2),
            r.emergence === null ? '' : m(`issues.emergence.${r.emergence}`),
          ]),
          { numericFrom: 2 },
        );

  const categories = table(
    [m('issues.language'), m('issues.method'), m('issues.labelled'), m('issues.inferred'), m('issues.macroF1'), m('issues.perCategory')],
    data.categories.map((report) => [
      languageName(report.lang),
      m(`issues.method.${report.method}`),
      n(report.labelled),
      n(report.inferred),
      report.macro_f1 === null ? '' : n(report.macro_f1, 2),
      list(
        Object.entries(report.per_category).map(
          ([category, c]) => `${t(language, `category.${category}` as MessageKey)}: ${formatNumber(language, Math.round(100 * c.precision))}% / ${formatNumber(language, Math.round(100 * c.recall))}% (${formatNumber(language, c.support)})`,
        ),
      ),
    ]),
    { numericFrom: 2 },
  );

  const body = html`
<p><a href="index.html">← ${m('site.title')}</a></p>
<h1>${m('issues.title')}</h1>
${metaLine(data, language)}
<p>${m('issues.intro')}</p>
${complaintsByCategoryChart(data.categoryMonths, { language, scope: t(language, 'leadership.all') }) ?? ''}
${data.heatMonth === undefined ? '' : (departmentCategoryHeatmap(data.heatCells ?? [], { language, month: data.heatMonth, top: HEATMAP_DEPARTMENTS }) ?? '')}
${monthSections}
<h2>${m('issues.emerging')}</h2>
<p>${m('issues.emergingIntro')}</p>
${emerging}
<h2>${m('issues.categories')}</h2>
<p>${m('issues.categoriesIntro')}</p>
${categories}
`;
  return page({ lang: language, title: pageTitle(t(language, 'issues.title'), data), body, frame });
}
