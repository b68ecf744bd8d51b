import type { Language } from '../pipeline/config.ts';
import { formatDate } from '../pipeline/dates.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import { ruleText } from '../pipeline/satisfaction/rule-words.ts';
import type { CellSpcRow } from '../pipeline/satisfaction/trends.ts';
import { complaintsByCategoryChart, complaintsByChannelChart, complaintsByDepartmentChart, type CategoryMonthRow, type ChannelMonthRow, type DepartmentMonthRow } from './charts/complaints-chart.ts';
import { funnelChart, type FunnelChartRow } from './charts/funnel-chart.ts';
import { ratesChart, type RateColumn, type RateRow } from './charts/rates-chart.ts';
import { satisfactionChart, type SatisfactionTrendRow } from './charts/satisfaction-chart.ts';
import { satisfactionSectionsChart, type SectionTrendRow } from './charts/sections-chart.ts';
import { renderDivisions, type DivisionRow } from './division-section.ts';
import type { HandlingCounts } from './handling-counts.ts';
import { fill, html, page, table, type PageFrame, type SafeHtml } from './html.ts';
import { renderOpenCases, type OpenCaseRow } from './open-cases.ts';
import { metaLine, pageTitle, type PageMeta } from './page-meta.ts';
import { renderPraise, type PraiseData } from './praise-section.ts';
import { renderSurveyModes, type SurveyModeRow } from './survey-mode-line.ts';
import { dayTag, monthTag } from './time-tag.ts';

/** One row of mart_complaint_visit_rates: a hospital's complaints of a month and its visits. */
export interface VisitRateRow {
  month: string;
  received: number;
  visits: number;
}

/** One row of export_satisfaction_index, dimension `all`. */
export interface IndexRow {
  department: string;
  responses: number;
  pct_satisfied: number | null;
  ci_low: number | null;
  ci_high: number | null;
  suppressed: boolean;
}

/** One row of export_satisfaction_measures. */
export interface MeasureRow {
  department: string;
  comprehensive_pct: number | null;
  comprehensive_ci_low: number | null;
  comprehensive_ci_high: number | null;
  nps: number | null;
  nps_ci_low: number | null;
  nps_ci_high: number | null;
  suppressed: boolean;
}

/** One row of mart_satisfaction_spc: the columns of a cell SPC row the page shows. */
export type SpcRow = Pick<
  CellSpcRow,
  | 'department'
  | 'month'
  | 'suppressed'
  | 'pct_satisfied'
  | 'mean_pct'
  | 'lower_limit_pct'
  | 'upper_limit_pct'
  | 'special_cause_type'
  | 'point_type'
  | 'rule_shift'
  | 'rule_trend'
  | 'rule_two_in_three'
  | 'trial_limits'
>;

/** One row of mart_satisfaction_funnel. */
export type FunnelRow = FunnelChartRow;

/** One row of mart_complaint_kpis. */
export interface KpiRow extends HandlingCounts {
  department: string;
  /** The practice's rates (contract v2), where the kpis mart has them. */
  responded_in_time_rate?: number | null;
  solved_rate?: number | null;
}

/** One row of mart_complaint_backlog. */
export interface BacklogRow {
  department: string;
  open_complaints: number;
  past_due: number;
}

/** One hospital's leadership page (PageMeta names the hospital): every row is that hospital's. */
export interface LeadershipPageData extends PageMeta {
  /** The latest complete month, the one every table shows. */
  month: string;
  /** The respondents below which the marts publish no number (for the page's wording only). */
  minResponses: number;
  index: IndexRow[];
  measures: MeasureRow[];
  spc: SpcRow[];
  funnel: FunnelRow[];
  /** The hospital-wide (`ALL`) rows of mart_satisfaction_trend, every month to `month`. */
  trend: SatisfactionTrendRow[];
  kpis: KpiRow[];
  /** The hospital-wide (`ALL`) rows of mart_complaint_kpis, the months charted. */
  kpiTrend: RateRow[];
  /** The hospital-wide rows of mart_complaint_monthly by category, the months charted. */
  categoryMonths: CategoryMonthRow[];
  /** The rows of mart_complaint_monthly of the departments with the most complaints (all categories), the months charted. */
  departmentMonths: DepartmentMonthRow[];
  /** How many departments departmentMonths holds at most. */
  topDepartments: number;
  /** The hospital-wide rows of mart_complaint_channels, the months charted: the channel mix. */
  channelMonths?: ChannelMonthRow[];
  /** The hospital-wide (`ALL`) rows of mart_satisfaction_section_trend, every month to `month`. */
  sectionTrend?: SectionTrendRow[];
  /** The hospital's praise (recognition). */
  praise?: PraiseData;
  backlog: BacklogRow[];
  /** mart_open_cases: the open-case list at the as-of date. */
  openCases: OpenCaseRow[];
  /** mart_division_kpis of `month`: the divisions (parent of the department tables), none without them. */
  divisions?: DivisionRow[];
  /** mart_satisfaction_modes of `month`: satisfaction by survey mode, none where surveys do not say. */
  surveyModes?: SurveyModeRow[];
  /** mart_complaint_visit_rates of `month`: the hospital's complaints and visits, where visits.csv gives them. */
  visitRates?: VisitRateRow[];
  /** Whether the hospital has any survey response at all (false: its satisfaction section says so, and nothing else). */
  surveyed?: boolean;
}

/** The complaint-handling rates charted by month: the contract's rates of mart_complaint_kpis. */
export const RATE_COLUMNS = [
  { column: 'response_rate', key: 'leadership.responseRate' },
  { column: 'resolution_rate', key: 'leadership.resolutionRate' },
  { column: 'satisfaction_rate', key: 'leadership.satisfactionRate' },
  { column: 'within_sla_rate', key: 'leadership.withinSla' },
  { column: 'responded_in_time_rate', key: 'leadership.respondedInTime' },
  { column: 'solved_rate', key: 'leadership.solvedRate' },
] as const satisfies readonly { column: string; key: MessageKey }[];

/** The rate columns with their names in the reader's language. */
export function rateColumns(language: Language): RateColumn[] {
  return RATE_COLUMNS.map(({ column, key }) => ({ column, label: t(language, key) }));
}

const ALL = 'ALL';


/**
 * Percentages and intervals with exactly one decimal in the reader's notation (91.0, not 91), so a
 * column of them lines up; the language tag picks the same separators as formatNumber's locales.
 */
function oneDecimal(language: Language): (value: number) => string {
  const format = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (value) => format.format(value);
}

/** ALL first, then the departments in the reader's collation. */
function departmentOrder(names: Iterable<string>, language: Language): string[] {
  const others = [...new Set(names)].filter((name) => name !== ALL).sort((a, b) => a.localeCompare(b, language));
  return [ALL, ...others];
}

function byDepartment<T extends { department: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.department, row]));
}

/**
 * The leadership page: for the latest complete month, per department (the whole hospital first),
 * the satisfaction index with its interval, the comprehensive index and NPS, the control-chart
 * signal and the funnel position of each department; then the complaint-handling rates with their
 * counts and the backlog. Charts draw the hospital-wide index by month on its XmR chart, the
 * departments' funnel plot, the rates by month and the complaints by category and by department.
 * It only formats what the marts computed: a suppressed cell says "too few responses" and shows no
 * number, and every string is escaped (`html`).
 *
 * @example
 * renderLeadershipPage({ asOf: '2026-11-15', month: '2026-10', minResponses: 10, index: [], ... }, 'vi')
 */
export function renderLeadershipPage(data: LeadershipPageData, language: Language, frame?: PageFrame): string {
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number) => formatNumber(language, value);
  const one = oneDecimal(language);
  const pct = (value: number) => `${one(value)}%`;
  const dash = '–';
  const tooFew = m('leadership.tooFew');
  // the figure on one line, what it rests on (interval or counts) below it in small print
  const withDetail = (figure: string, detail: string) => html`${figure}<br><small>${detail}</small>`;
  const interval = (value: number | null, low: number | null, high: number | null, unit = '') =>
    value === null || low === null || high === null ? tooFew : withDetail(`${one(value)}${unit}`, m('leadership.interval', { low: one(low), high: one(high) }));
  const departmentName = (name: string) => (name === ALL ? html`<strong>${m('leadership.all')}</strong>` : name);

  // satisfaction
  const index = byDepartment(data.index);
  const measures = byDepartment(data.measures);
  const spc = byDepartment(data.spc);
  const funnel = byDepartment(data.funnel);
  const centre = data.funnel.find((row) => row.target_pct !== null)?.target_pct ?? null;

  const spcCell = (row: SpcRow | undefined): string => {
    if (row === undefined) return dash;
    if (row.suppressed || row.special_cause_type === null) return tooFew;
    const type = row.special_cause_type;
    let text = ruleText(language, type);
    if (row.point_type === 'special_cause_improvement') text += ` (${m('leadership.spc.improvement')})`;
    if (row.point_type === 'special_cause_concern') text += ` (${m('leadership.spc.concern')})`;
    // the other rules that flag this month, on the side of the mean the month lies
    const above = row.pct_satisfied !== null && row.mean_pct !== null && row.pct_satisfied > row.mean_pct;
    const also: string[] = [];
    if (row.rule_trend === true && !type.includes('Trend')) also.push(m('leadership.spc.partOfTrend'));
    if (row.rule_two_in_three === true && !type.startsWith('2 in 3')) also.push(m(above ? 'leadership.spc.twoInThreeAbove' : 'leadership.spc.twoInThreeBelow'));
    if (row.rule_shift === true && !type.startsWith('7 Points')) also.push(m(above ? 'leadership.spc.runAbove' : 'leadership.spc.runBelow'));
    if (also.length > 0) text += `; ${m('leadership.spc.also', { flags: also.join(', ') })}`;
    if (row.trial_limits === true) text += `; ${m('leadership.spc.provisional')}`;
    return text;
  };

  const funnelCell = (department: string, row: FunnelRow | undefined): string | SafeHtml => {
    if (department === ALL) return centre === null ? dash : m('leadership.funnel.centre', { value: pct(centre) });
    if (row === undefined) return dash;
    if (row.suppressed || row.z_judged === null) return tooFew;
    const key: MessageKey = row.below_lower_998
      ? 'leadership.funnel.below998'
      : row.above_upper_998
        ? 'leadership.funnel.above998'
        : row.below_lower_95
          ? 'leadership.funnel.below95'
          : row.above_upper_95
            ? 'leadership.funnel.above95'
            : 'leadership.funnel.within';
    return withDetail(m(key), m('leadership.funnel.z', { z: formatNumber(language, Number(row.z_judged.toFixed(2))) }));
  };

  const satisfactionRows = departmentOrder(
    [...data.index.map((r) => r.department), ...data.measures.map((r) => r.department)],
    language,
  ).map((department) => {
    const row = index.get(department);
    if (row === undefined) return [departmentName(department), dash, dash, dash, dash, dash, dash];
    // a suppressed department-month carries no number at all, not even its respondents
    if (row.suppressed || row.pct_satisfied === null) return [departmentName(department), '', tooFew, '', '', '', ''];
    const measure = measures.get(department);
    return [
      departmentName(department),
      n(row.responses),
      interval(row.pct_satisfied, row.ci_low, row.ci_high, '%'),
      measure === undefined ? dash : measure.suppressed ? tooFew : interval(measure.comprehensive_pct, measure.comprehensive_ci_low, measure.comprehensive_ci_high, '%'),
      measure === undefined ? dash : measure.suppressed ? tooFew : interval(measure.nps, measure.nps_ci_low, measure.nps_ci_high),
      spcCell(spc.get(department)),
      funnelCell(department, funnel.get(department)),
    ];
  });
  const ci = (key: MessageKey) => html`${m(key)}<br><small>${m('leadership.ci95')}</small>`;
  // on a phone each department is a card of labelled numbers: seven columns would hide the index past the screen's edge
  const satisfactionTable = table(
    [m('leadership.department'), m('leadership.respondents'), ci('leadership.index'), ci('leadership.comprehensive'), ci('leadership.nps'), m('leadership.spc'), m('leadership.funnel')],
    satisfactionRows,
    { numeric: [1, 2, 3, 4], stack: true, labels: [m('leadership.department'), m('leadership.respondents'), m('leadership.index'), m('leadership.comprehensive'), m('leadership.nps'), m('leadership.spc'), m('leadership.funnel')] },
  );

  // complaints
  const kpis = byDepartment(data.kpis);
  const backlog = byDepartment(data.backlog);
  const rate = (value: number | null, count: number, total: number) =>
    value === null ? dash : withDetail(pct(value), m('leadership.fraction', { count: formatNumber(language, count), total: formatNumber(language, total) }));
  const complaintRows = departmentOrder([...data.kpis.map((r) => r.department), ...data.backlog.map((r) => r.department)], language).map((department) => {
    const row = kpis.get(department);
    const open = backlog.get(department);
    const backlogCell = open === undefined ? dash : m('leadership.fraction', { count: formatNumber(language, open.past_due), total: formatNumber(language, open.open_complaints) });
    if (row === undefined) return [departmentName(department), dash, dash, dash, dash, dash, backlogCell];
    return [
      departmentName(department),
      n(row.received),
      rate(row.response_rate, row.responded, row.received),
      rate(row.resolution_rate, row.resolved, row.received),
      rate(row.satisfaction_rate, row.satisfied, row.satisfaction_answers),
      rate(row.within_sla_rate, row.resolved_within_sla, row.resolved),
      backlogCell,
    ];
  });
  const complaintHeader = [m('leadership.department'), m('leadership.received'), m('leadership.responseRate'), m('leadership.resolutionRate'), m('leadership.satisfactionRate'), m('leadership.withinSla')];
  const complaintTable = table(
    [...complaintHeader, fill(m('leadership.backlog'), { asOf: dayTag(language, data.asOf) })],
    complaintRows,
    { numericFrom: 1, stack: true, labels: [...complaintHeader, t(language, 'leadership.backlog', { asOf: formatDate(language, data.asOf) })] },
  );

  const scope = t(language, 'leadership.all');
  const month = monthTag(language, data.month);
  const trendChart = satisfactionChart(data.trend, { language, scope });
  const satisfaction = html`<h3>${m('leadership.trend')}</h3>
${trendChart === null ? html`<p>${m('leadership.noTrend')}</p>` : html`${trendChart}\n<p class="meta">${m('leadership.trendNote')}</p>`}
${data.index.length === 0 ? html`<p>${fill(m('leadership.noSurvey'), { month })}</p>` : ''}
${satisfactionTable}
<p class="meta">${m('leadership.satisfactionNotes')}</p>
${renderSurveyModes(data.surveyModes ?? [], data.month, language)}
${satisfactionSectionsChart(data.sectionTrend ?? [], { language, scope }) ?? ''}
${funnelChart(data.funnel, { language, month: data.month }) ?? ''}`;
  const body = html`
<p><a href="index.html">← ${m('site.title')}</a></p>
<h1>${m('leadership.title')}</h1>
${metaLine(data, language)}
<p>${fill(m('leadership.intro', { min: data.minResponses }), { month })}</p>
<h2>${fill(m('leadership.satisfaction'), { month })}</h2>
${data.surveyed === false ? html`<p>${m('leadership.noSurveys')}</p>` : satisfaction}
<h2>${fill(m('leadership.complaints'), { month })}</h2>
<p>${fill(m('leadership.complaintsIntro'), { month, asOf: dayTag(language, data.asOf) })}</p>
${complaintTable}
${renderDivisions(data.divisions ?? [], data.month, language)}
${ratesChart(data.kpiTrend, { language, scope, rates: rateColumns(language) }) ?? ''}
${complaintsByCategoryChart(data.categoryMonths, { language, scope }) ?? ''}
${complaintsByDepartmentChart(data.departmentMonths, { language, top: data.topDepartments }) ?? ''}
${complaintsByChannelChart(data.channelMonths ?? [], { language, scope }) ?? ''}
${renderOpenCases(data.openCases, data.asOf, language, frame?.departments)}
${data.praise === undefined ? '' : renderPraise(data.praise, language, scope)}
`;
  return page({ lang: language, title: pageTitle(t(language, 'leadership.title'), data), body, frame });
}
