import type { Language } from '../pipeline/config.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import { notReadText } from '../pipeline/ingest/discover.ts';
import { fileErrorText } from '../pipeline/ingest/file-rejection.ts';
import { quarantineReasonText } from '../pipeline/quarantine-reasons.ts';
import type { RunSummary } from '../pipeline/publish/run-summary.ts';
import { withheldInLanguage } from '../pipeline/publish/withheld-value.ts';
import type { Warning } from '../pipeline/warnings/warnings.ts';
import { warningAnchor, warningWords } from './department-page.ts';
import { renderGroupView, type HospitalSummary } from './group-view.ts';
import { filterAttributes, type TableRow } from './filter-table.ts';
import { html, page, table, type PageFrame, type SafeHtml } from './html.ts';
import { metaLine } from './page-meta.ts';
import { dayTag, periodTag } from './time-tag.ts';
import { reportWords } from './reports/copy.ts';
import type { PublishedReport } from './reports/reports-index.ts';

export interface RunReportOptions {
  language: Language;
  /** The warnings of this run (warnings.json): the open ones come first on the page. */
  warnings: readonly Warning[];
  /** One row per hospital where the warehouse holds several (the group view); empty for one hospital. */
  group: readonly HospitalSummary[];
  /** The warehouse's one hospital, named on the page; null where it holds several (or none). */
  hospital: string | null;
  /** The time zone the build time is written in: that hospital's, or the config's. */
  timeZone?: string;
  downloads: { href: string; label: string }[];
  /** The reports written under reports/ (contract section 7); the latest of each rhythm is linked. */
  reports: readonly PublishedReport[];
  /** Where the page sits in the published site (its languages, the way to the root's files). */
  frame?: PageFrame;
  /** Each warning's page (warning id → path from the site's root): its department's pack, or the hospital's department index for a hospital-wide one. */
  warningPages?: ReadonlyMap<string, string>;
}

const STATUS_ORDER = { new: 0, ongoing: 1, resolved: 2 } as const;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** The open warnings (new before ongoing, the most severe first): this week's list, in its order. */
function openWarnings(warnings: readonly Warning[]): Warning[] {
  return warnings
    .filter((warning) => warning.status !== 'resolved')
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** The department a hospital-wide warning's row files under, as the marts' `ALL` rows do. */
const ALL = 'ALL';

/**
 * The data of this week's list, a row per open warning in the list's order: the codes it filters
 * by (a hospital-wide warning's department is `ALL`) and the ranks it sorts severity and status by.
 */
export function warningData(warnings: readonly Warning[]): TableRow[] {
  return openWarnings(warnings).map((warning) => ({
    kind: warning.kind,
    hospital: warning.hospital,
    department: warning.department ?? ALL,
    category: warning.category,
    severity: warning.severity,
    severity_rank: SEVERITY_ORDER[warning.severity],
    status: warning.status,
    status_rank: STATUS_ORDER[warning.status],
    due_date: warning.due_date,
  }));
}

/**
 * This week's warnings, the first thing on the first page: the open ones (new before ongoing, the
 * most severe first) by kind, hospital, department, category, severity and status, to filter and
 * sort in the page; or a plain sentence that the detectors ran and found nothing, so an empty list
 * is not mistaken for a failed run.
 */
function thisWeek(warnings: readonly Warning[], language: Language, pages: ReadonlyMap<string, string>, departments: Readonly<Record<string, string>> = {}): SafeHtml {
  const m = (key: MessageKey) => t(language, key);
  const open = openWarnings(warnings);
  const words = (prefix: string, values: readonly (string | null)[]) => Object.fromEntries(values.flatMap((value) => (value === null ? [] : [[value, t(language, `${prefix}${value}` as MessageKey)]])));
  const filters = filterAttributes(
    {
      data: 'warnings',
      filters: [
        { field: 'hospital', label: m('site.warningHospital') },
        { field: 'department', label: m('site.warningDepartment'), labels: { [ALL]: m('leadership.all') } },
        { field: 'category', label: m('case.category'), labels: words('category.', open.map((warning) => warning.category)) },
        { field: 'severity', label: m('site.warningSeverity'), labels: words('warning.severity.', open.map((warning) => warning.severity)) },
        { field: 'status', label: m('site.warningStatus'), labels: words('warning.status.', open.map((warning) => warning.status)) },
        { field: 'kind', label: m('site.warningKind'), labels: words('warning.kind.', open.map((warning) => warning.kind)) },
      ],
      sort: ['kind', null, 'hospital', 'department', 'severity_rank', 'due_date', 'status_rank'],
    },
    language,
    departments,
  );
  const list =
    open.length === 0
      ? html`<p><strong>${m('site.nothingUnusual')}</strong></p>`
      : table(
          [m('site.warningKind'), m('site.warningWhat'), m('site.warningHospital'), m('site.warningDepartment'), m('site.warningSeverity'), m('pack.due'), m('site.warningStatus')],
          open.map((warning) => {
            // what happened, in the warning's own words, a click from its evidence and action on its department's page
            const page = pages.get(warning.id);
            const { summary } = warningWords(warning, language);
            const what = page === undefined ? summary : html`<a href="${page}#${warningAnchor(warning.id)}">${summary}</a>`;
            return [
              m(`warning.kind.${warning.kind}`),
              what,
              warning.hospital ?? '–',
              warning.department ?? m('leadership.all'),
              m(`warning.severity.${warning.severity}`),
              html`<span style="white-space:nowrap">${dayTag(language, warning.due_date)}</span>`,
              m(`warning.status.${warning.status}`),
            ];
          }),
          { stack: true, prose: [1], rowKeys: open.map((_, key) => key), attributes: filters },
        );
  return html`<h2>${m('site.thisWeek')}</h2>\n${list}`;
}

/**
 * The first page of the site: this week's warnings first, then where there are several hospitals
 * the group view (a row per hospital, linking to its pages), else links to the hospital's pages;
 * then what this run read and loaded, what it did not read and why, and
 * the data-quality report (rows held back by reason, lines decoded with another encoding,
 * department names nobody knows, values not recognised). Everything shown
 * is escaped; quarantined values are not shown at all, only where the rows are.
 */
export function renderRunReport(summary: RunSummary, options: RunReportOptions): string {
  const { language } = options;
  // data/, reports/ and the JSON files are published once, at the site's root
  const root = options.frame?.root ?? '';
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number) => formatNumber(language, value);

  const fileRows = summary.files.map((file) => {
    const error = fileErrorText(language, file);
    return [
      html`${file.path}${error ? html`<div class="error">${error}</div>` : ''}`,
      m(`kind.${file.kind}`),
      html`<span class="status-${file.status}">${m(`status.${file.status}`)}</span>`,
      n(file.rows_read),
      n(file.loaded),
      n(file.duplicates),
      n(file.quarantined),
    ];
  });
  const { totals } = summary;
  const filesTable = table(
    [m('site.file'), m('site.kind'), m('site.status'), m('site.rowsRead'), m('site.loaded'), m('site.duplicates'), m('site.quarantined')],
    fileRows,
    { stack: true, numericFrom: 3, footer: [m('site.total'), '', '', n(totals.rows_read), n(totals.loaded), n(totals.duplicates), n(totals.quarantined)] },
  );

  const quality = summary.data_quality;
  const reasons =
    quality.quarantine_by_reason.length === 0
      ? html`<p>${m('site.noQuarantine')}</p>`
      : table(
          [m('site.reason'), m('site.rows'), m('site.examples')],
          quality.quarantine_by_reason.map((r) => [
            quarantineReasonText(language, r.reason_code),
            n(r.rows),
            r.examples.map((e, i) => html`${i > 0 ? html`<br>` : ''}${`${e.path} ${e.row !== null ? `#${e.row}` : `L${e.line}`}`}`),
          ]),
          { stack: true, numericFrom: 1 },
        );
  const departments =
    quality.unknown_departments.length === 0
      ? html`<p>${m('site.none')}</p>`
      : html`<p>${m('site.unknownDepartmentsNote')}</p>${table(
          [m('site.departmentName'), m('kind.feedback'), m('kind.survey'), m('site.suggestedMatch')],
          quality.unknown_departments.map((d) => [withheldInLanguage(d.name, language), n(d.feedback_records), n(d.survey_responses), d.suggestions.map((s) => `${s.name} (${s.code})`).join(', ')]),
          { stack: true, numericFrom: 1 },
        )}`;
  const values =
    quality.unrecognised_values.length === 0
      ? html`<p>${m('site.none')}</p>`
      : table(
          [m('site.field'), m('site.value'), m('site.records')],
          quality.unrecognised_values.map((v) => [v.field, withheldInLanguage(v.value, language), n(v.records)]),
          { stack: true, numericFrom: 2 },
        );
  const notRead =
    summary.not_read.length === 0
      ? ''
      : html`<h3>${m('site.notRead')}</h3>${table([m('site.file'), m('site.reason')], summary.not_read.map((entry) => [entry.path, notReadText(language, entry)]), { stack: true })}`;
  const recodedRows = summary.files.flatMap((file) =>
    (file.recoded_examples ?? []).map((r) => [file.path, n(r.line), r.encoding]),
  );
  const recodedMore = summary.files.some((file) => (file.recoded_lines ?? 0) > (file.recoded_examples ?? []).length) ? html`<p>…</p>` : '';
  const recoded = recodedRows.length === 0 ? '' : html`<h3>${m('site.recoded')}</h3>${table([m('site.file'), m('site.line'), m('site.encoding')], recodedRows, { stack: true, numeric: [1] })}${recodedMore}`;
  const downloads = options.downloads.map((d, i) => html`${i > 0 ? ' · ' : ''}<a href="${root}${d.href}">${d.label}</a>`);
  // the latest period of each rhythm, every hospital's report of it
  const latest = (['daily', 'weekly', 'monthly'] as const)
    .flatMap((rhythm) => {
      const ofRhythm = options.reports.filter((report) => report.rhythm === rhythm);
      const period = ofRhythm.map((report) => report.period).sort().at(-1);
      return ofRhythm.filter((report) => report.period === period);
    })
    .map((report, i) => html`${i > 0 ? ' · ' : ''}<a href="${root}reports/${report.html}">${periodTag(language, report.period)}${report.hospital === null ? '' : ` · ${report.hospital}`}</a>`);
  const reports = html`<p><a href="${root}reports/index.html">${reportWords(language).say('index.link')}</a>${latest.length === 0 ? '' : html`: ${latest}`}</p>`;

  const links = html`<p><a href="issues.html">${m('site.issuesLink')}</a></p>
<p><a href="leadership.html">${m('site.leadershipLink')}</a></p>
<p><a href="departments/index.html">${m('site.departmentsLink')}</a></p>`;

  const body = html`
<h1>${m('site.title')}</h1>
${metaLine({ hospital: options.hospital, asOf: summary.as_of, generatedAt: summary.generated_at, runId: summary.run_id, timeZone: options.timeZone }, language)}
${thisWeek(options.warnings, language, options.warningPages ?? new Map(), options.frame?.departments)}
${options.group.length === 0 ? links : renderGroupView(options.group, options.warnings, options.reports, language, root)}
${reports}
<h2>${m('site.runSummary')}</h2>
${filesTable}
<p>${m('site.inWarehouse', { feedback: formatNumber(language, summary.records_in_warehouse.feedback), survey: formatNumber(language, summary.records_in_warehouse.survey) })}</p>
${notRead}
<h2>${m('site.dataQuality')}</h2>
<h3>${m('site.reasons')}</h3>
${reasons}
${recoded}
<h3>${m('site.unknownDepartments')}</h3>
${departments}
<h3>${m('site.unrecognised')}</h3>
${values}
<h2>${m('site.downloads')}</h2>
<p>${downloads}</p>
`;
  return page({ lang: language, title: t(language, 'site.title'), body, frame: options.frame });
}
