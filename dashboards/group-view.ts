import type { Language } from '../pipeline/config.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import { addMonths } from '../pipeline/publish/reports/periods.ts';
import type { Warning } from '../pipeline/warnings/warnings.ts';
import { fill, html, table, type SafeHtml } from './html.ts';
import { monthTag, periodTag } from './time-tag.ts';
import { poissonRateInterval } from '../pipeline/statistics/poisson_rate_interval.ts';
import type { KpiRow, LeadershipPageData } from './leadership-page.ts';
import type { PublishedReport } from './reports/reports-index.ts';

/** Where one hospital's pages are, relative to the site's root. */
export interface HospitalPages {
  issues: string;
  leadership: string;
  departments: string;
}

/** One hospital's row of the group view: its own numbers of the latest complete month, never pooled. */
export interface HospitalSummary {
  hospital: string;
  pages: HospitalPages;
  month: string;
  /** Its `ALL` row of mart_complaint_kpis for the month, if it had complaints. */
  kpis: KpiRow | null;
  /** Its complaints of the month before, for the trend. */
  previousComplaints: number | null;
  openComplaints: number | null;
  pastDue: number | null;
  /** Its hospital-wide satisfaction index (dimension `all`) with its interval; null when suppressed or absent. */
  index: { pct: number; low: number; high: number } | null;
  /** Its complaints of the month per 1,000 of its visits with the exact 95% interval, where visits.csv gives the month's visits. */
  perVisits: { rate: number; low: number; high: number } | null;
}

/** What a dash in the group view means, beside the only page that says it. */
const dashNote: Record<Language, string> = {
  en: '– : nothing to show for that hospital: no complaints or no survey responses in the month, too few responses to publish, or a rate with nothing to divide by.',
  zh: '–：该医院当月没有可显示的数字：当月无投诉或无满意度调查回答、回答人数过少不予公布，或比率的分母为零。',
  vi: '– : bệnh viện không có số liệu để hiển thị: không có khiếu nại hoặc phiếu khảo sát trong tháng, quá ít người trả lời để công bố, hoặc tỷ lệ không có mẫu số.',
};

const ALL = 'ALL';
const SEVERITIES = ['high', 'medium', 'low'] as const;

/** The rates the group compares: the contract's three, and the practice's two where the kpis mart has them. */
const RATES = [
  { column: 'responded_in_time_rate', key: 'leadership.respondedInTime' },
  { column: 'response_rate', key: 'leadership.responseRate' },
  { column: 'resolution_rate', key: 'leadership.resolutionRate' },
  { column: 'solved_rate', key: 'leadership.solvedRate' },
  { column: 'satisfaction_rate', key: 'leadership.satisfactionRate' },
] as const satisfies readonly { column: keyof KpiRow; key: MessageKey }[];

/**
 * A hospital's row of the group view, taken from the rows its own leadership page shows (so the
 * two never disagree): its `ALL` rows of complaints, backlog and satisfaction index.
 *
 * @example hospitalSummary('分院', pages, data).kpis?.received // the 分院's complaints of data.month
 */
export function hospitalSummary(hospital: string, pages: HospitalPages, data: LeadershipPageData): HospitalSummary {
  const previous = addMonths(data.month, -1);
  const before = data.kpiTrend.find((row) => row.month === previous)?.['received'];
  const backlog = data.backlog.find((row) => row.department === ALL);
  const index = data.index.find((row) => row.department === ALL);
  const visits = data.visitRates?.find((row) => row.month === data.month);
  return {
    hospital,
    pages,
    month: data.month,
    kpis: data.kpis.find((row) => row.department === ALL) ?? null,
    previousComplaints: typeof before === 'number' ? before : null,
    openComplaints: backlog?.open_complaints ?? null,
    pastDue: backlog?.past_due ?? null,
    index:
      index === undefined || index.suppressed || index.pct_satisfied === null || index.ci_low === null || index.ci_high === null
        ? null
        : { pct: index.pct_satisfied, low: index.ci_low, high: index.ci_high },
    perVisits: visits === undefined ? null : { rate: (1000 * visits.received) / visits.visits, ...poissonRateInterval(visits.received, visits.visits, 1000) },
  };
}

/**
 * The group view (contract section 1: a group compares hospitals where there are several): one row
 * per hospital with its complaints of the latest complete month against the month before, its
 * rates, its open and overdue cases, its open warnings by severity, its satisfaction index with
 * the interval, and links to its pages and latest reports (under `root`, the way from the page to
 * the site's root, where the reports are published once). No row or footer adds hospitals up.
 */
export function renderGroupView(rows: readonly HospitalSummary[], warnings: readonly Warning[], reports: readonly PublishedReport[], language: Language, root = ''): SafeHtml {
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number) => formatNumber(language, value);
  const pct = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${formatNumber(language, Number(value.toFixed(1)))}%`);
  const rates = RATES.filter(({ column }) => rows.some((row) => row.kpis !== null && row.kpis[column] !== undefined));
  // complaints per 1,000 visits only where some hospital gives its visits (visits.csv)
  const perVisits = rows.some((row) => row.perVisits !== null);
  const perThousand = (value: number) => formatNumber(language, Number(value.toFixed(2)));
  const month = rows[0]?.month ?? '';
  const latestReports = (hospital: string) =>
    (['daily', 'weekly', 'monthly'] as const).flatMap((rhythm) => {
      const latest = reports.filter((report) => report.rhythm === rhythm && report.hospital === hospital).sort((a, b) => b.period.localeCompare(a.period))[0];
      return latest === undefined ? [] : [html` · <a href="${root}reports/${latest.html}">${periodTag(language, latest.period)}</a>`];
    });
  const body = rows.map((row) => {
    const open = warnings.filter((warning) => warning.hospital === row.hospital && warning.status !== 'resolved');
    const complaints = row.kpis === null ? '–' : html`${n(row.kpis.received)}${row.previousComplaints === null ? '' : html`<br><small>${m('group.previous', { count: n(row.previousComplaints) })}</small>`}`;
    // the hospital's pages under its name: a column of links would make every row tall and the table too wide for a laptop
    const pages = html`<a href="${row.pages.leadership}">${m('group.leadership')}</a> · <a href="${row.pages.issues}">${m('group.issues')}</a> · <a href="${row.pages.departments}">${m('group.departments')}</a>${latestReports(row.hospital)}`;
    return [
      html`<strong>${row.hospital}</strong><br><small>${pages}</small>`,
      complaints,
      ...rates.map(({ column }) => pct(row.kpis?.[column])),
      row.openComplaints === null ? '–' : `${n(row.openComplaints)} (${n(row.pastDue ?? 0)})`,
      SEVERITIES.map((severity) => n(open.filter((warning) => warning.severity === severity).length)).join(' / '),
      row.index === null ? '–' : html`${pct(row.index.pct)}<br><small>${m('leadership.interval', { low: pct(row.index.low), high: pct(row.index.high) })}</small>`,
      ...(perVisits
        ? [row.perVisits === null ? '–' : html`${perThousand(row.perVisits.rate)}<br><small>${m('leadership.interval', { low: perThousand(row.perVisits.low), high: perThousand(row.perVisits.high) })}</small>`]
        : []),
    ];
  });
  const header = [m('group.hospital'), m('group.complaints'), ...rates.map(({ key }) => m(key)), m('group.openOverdue'), m('group.warnings'), m('group.index'), ...(perVisits ? [m('group.perVisits')] : [])];
  return html`<h2>${m('group.title')}</h2>
<p>${month === '' ? '' : fill(m('group.intro'), { month: monthTag(language, month) })}</p>
${table(header, body, { stack: true, numeric: [1, ...rates.map((_, i) => i + 2), rates.length + 2, rates.length + 4, ...(perVisits ? [rates.length + 5] : [])] })}
<p class="meta">${dashNote[language]}</p>`;
}
