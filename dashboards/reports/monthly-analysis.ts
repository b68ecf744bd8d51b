import type { Language } from '../../pipeline/config.ts';
import { fixWords } from '../../pipeline/fixes/fix-words.ts';
import { t } from '../../pipeline/i18n.ts';
import type { FixReviewRow } from '../../pipeline/fixes/fixes.ts';
import { addMonths } from '../../pipeline/publish/reports/periods.ts';
import { reportWords, type ReportWords } from './copy.ts';
import { blocksOrNone, paragraph, tableBlock, type ReportBlock, type ReportDocument, type ReportSection } from './document.ts';
import { reportMeta } from './meta.ts';
import { warningTable, warningsOpenedOrClosed, type ReportWarning } from './warnings.ts';

/** Complaints of a month by one breakdown's value (report_month_breakdown). */
export interface MonthCount {
  month: string;
  breakdown: 'category' | 'department' | 'channel';
  value: string;
  complaints: number;
}

/** A high-frequency issue theme of the month (mart_high_frequency_issues). */
export interface MonthIssue {
  lang: string;
  rank: number;
  theme: string;
  records: number;
  previous_month_records: number;
  departments: string[];
}

/** A proposed topic of the month (mart_month_topics), rank 1 the proposal. */
export interface MonthTopic {
  rank: number;
  theme: string;
  score: number;
  months_recurring: number;
  records: number;
  departments_touched: number;
  quality_share: number;
  /** The anchor's records month by month, the 6 months to this one (months without any left out). */
  trend: { month: string; records: number }[];
  departments: string[];
  locations: string[];
  quotes: string[];
  earlier_fix_failed: boolean;
}

/** A row of export_satisfaction_index for the whole hospital. */
export interface SectionSatisfaction {
  month: string;
  patient_type: string;
  dimension: string;
  responses: number;
  pct_satisfied: number | null;
  suppressed: boolean;
}

/** The whole hospital's row of mart_complaint_kpis for a month; the rates another branch adds are optional. */
export interface MonthRates {
  month: string;
  response_rate: number | null;
  resolution_rate: number | null;
  satisfaction_rate: number | null;
  within_sla_rate: number | null;
  responded_in_time_rate?: number | null;
  solved_rate?: number | null;
}

/**
 * Everything one monthly analysis (月分析) shows: the month, the month before and the same month a
 * year before (rows of other months are not read).
 */
export interface MonthlyAnalysisData {
  /** YYYY-MM */
  month: string;
  start: string;
  end: string;
  hospital: string | null;
  /** The first month with data: a month before it shows a dash, not 0. */
  firstMonth: string;
  counts: MonthCount[];
  issues: MonthIssue[];
  satisfaction: SectionSatisfaction[];
  rates: MonthRates[];
  /** Every warning of the log; the analysis picks those of its month. */
  warnings: ReportWarning[];
  /** The month's proposed topics, best first. */
  topics: MonthTopic[];
  /** The fixes under review in the month (fixed by its end, their after window not over before it), as reviewed at its end. */
  fixes: FixReviewRow[];
}

/** High-frequency issue themes listed in a monthly analysis. */
export const MONTHLY_ISSUES = 10;

const RATES = ['response_rate', 'resolution_rate', 'within_sla_rate', 'responded_in_time_rate', 'satisfaction_rate', 'solved_rate'] as const;
const SECTIONS = ['A', 'B', 'C', 'D', 'E', 'all'];
const PATIENT_TYPES = ['all', 'inpatient', 'outpatient'];
const CATEGORY_ORDER = ['process', 'attitude', 'quality', 'cost', 'facility', 'other'];

/** Counts of one breakdown in a month, before and a year before: a table with the change against each. */
function breakdownTable(data: MonthlyAnalysisData, breakdown: MonthCount['breakdown'], words: ReportWords, name: (value: string) => string): ReportBlock {
  const previous = addMonths(data.month, -1);
  const lastYear = addMonths(data.month, -12);
  const count = (month: string, value: string) =>
    month < data.firstMonth ? null : (data.counts.find((row) => row.month === month && row.breakdown === breakdown && row.value === value)?.complaints ?? 0);
  const values = [...new Set(data.counts.filter((row) => row.breakdown === breakdown && [data.month, previous, lastYear].includes(row.month)).map((row) => row.value))];
  const compared = (now: number, before: number | null) => (before === null ? '–' : `${words.number(before)} (${words.change(now, before)})`);
  const rows = values
    .map((value) => ({ value, now: count(data.month, value) ?? 0 }))
    .sort((a, b) =>
      breakdown === 'category'
        ? CATEGORY_ORDER.indexOf(a.value) - CATEGORY_ORDER.indexOf(b.value)
        : b.now - a.now || a.value.localeCompare(b.value),
    )
    .map(({ value, now }) => [name(value), words.number(now), compared(now, count(previous, value)), compared(now, count(lastYear, value))]);
  return tableBlock([words.say('monthly.name'), words.say('monthly.thisMonth'), words.say('monthly.previousMonth'), words.say('monthly.lastYear')], rows, [1, 2, 3]);
}

/** The month's topic (每月一题): the proposal with its reasons, trend, places and quotes, and the runners-up. */
function topicBlocks(topics: readonly MonthTopic[], words: ReportWords, language: Language): ReportBlock[] {
  const [topic, ...others] = topics;
  if (topic === undefined) return [paragraph(words.say('monthly.topicNone'))];
  const n = words.number;
  const list = (values: readonly string[]) => (values.length === 0 ? '–' : values.join(language === 'zh' ? '、' : ', '));
  return [
    paragraph(words.say('monthly.topicLead', { theme: topic.theme })),
    paragraph(
      words.say('monthly.topicWhy', {
        months: n(topic.months_recurring),
        records: n(topic.records),
        departments: n(topic.departments_touched),
        quality: words.rate(topic.quality_share * 100),
        score: n(Math.round(topic.score * 10) / 10),
      }),
    ),
    tableBlock([words.say('monthly.month'), words.say('issues.records')], topic.trend.map((point) => [point.month, n(point.records)]), [1], [0]),
    paragraph(words.say('monthly.topicPlaces', { departments: list(topic.departments), locations: list(topic.locations) })),
    ...topic.quotes.map((quote) => paragraph(`“${quote}”`)),
    ...(topic.earlier_fix_failed ? [paragraph(words.say('monthly.topicFixFailed'))] : []),
    ...(others.length === 0 ? [] : [paragraph(words.say('monthly.topicOthers', { others: list(others.map((other) => `${other.theme} (${n(Math.round(other.score * 10) / 10)})`)) }))]),
    paragraph(words.say('monthly.topicScore')),
  ];
}

/** The fixes under review in the month as they stood at its end: what, when, what was done; then the verdict and its evidence. */
function fixBlocks(fixes: readonly FixReviewRow[], words: ReportWords, language: Language): ReportBlock[] {
  if (fixes.length === 0) return [paragraph(words.say('monthly.fixesNone'))];
  return fixes.flatMap((fix) => {
    const said = fixWords(fix, language);
    const done = fix.action === null ? [] : [t(language, 'fix.done', { action: fix.action })];
    return [paragraph([said.about, t(language, 'fix.fixedOn', { day: fix.fixed_on }), ...done].join(' · ')), paragraph(language === 'zh' ? `${said.verdict}。${said.detail}。` : `${said.verdict}. ${said.detail}.`)];
  });
}

/**
 * The monthly analysis of one month, the document of the monthly meeting: complaints by category,
 * department and channel against the month before and the same month a year before; the
 * high-frequency issues; satisfaction by section A–E; the handling rates; the warnings of the
 * month; the topic proposed for the month (每月一题); and the fixes under review (整改 → 复查).
 */
export function monthlyAnalysis(data: MonthlyAnalysisData, language: Language): ReportDocument {
  const words = reportWords(language);
  const n = words.number;
  const previous = addMonths(data.month, -1);
  const lastYear = addMonths(data.month, -12);
  const total = (month: string) =>
    month < data.firstMonth ? '–' : n(data.counts.filter((row) => row.month === month && row.breakdown === 'category').reduce((sum, row) => sum + row.complaints, 0));
  const any = data.counts.some((row) => row.month === data.month);
  const breakdown = (heading: 'monthly.categories' | 'monthly.departments' | 'monthly.channels', key: MonthCount['breakdown'], name: (value: string) => string): ReportSection => ({
    heading: words.say(heading),
    blocks: [any ? breakdownTable(data, key, words, name) : paragraph(words.say('monthly.none'))],
  });
  const categories = breakdown('monthly.categories', 'category', (value) => words.category(value));
  const issues = data.issues.filter((issue) => issue.records > 0).sort((a, b) => b.records - a.records || a.lang.localeCompare(b.lang) || a.rank - b.rank).slice(0, MONTHLY_ISSUES);
  const satisfaction = data.satisfaction.filter((row) => row.month === data.month && SECTIONS.includes(row.dimension));
  const before = (row: SectionSatisfaction) => data.satisfaction.find((other) => other.month === previous && other.dimension === row.dimension && other.patient_type === row.patient_type);
  const shown = (row: SectionSatisfaction | undefined) => (row === undefined || row.suppressed ? '–' : words.rate(row.pct_satisfied));
  const satisfactionRows = satisfaction
    .sort((a, b) => SECTIONS.indexOf(a.dimension) - SECTIONS.indexOf(b.dimension) || PATIENT_TYPES.indexOf(a.patient_type) - PATIENT_TYPES.indexOf(b.patient_type))
    .map((row) => [words.label('section', row.dimension), words.label('patient', row.patient_type), n(row.responses), shown(row), shown(before(row))]);
  const rateOf = (month: string) => data.rates.find((row) => row.month === month);
  const rateRows = RATES.filter((rate) => data.rates.some((row) => rate in row)).map((rate) => [
    words.say(`rates.${rate}`),
    ...[data.month, previous, lastYear].map((month) => words.rate(rateOf(month)?.[rate] ?? null)),
  ]);
  const warnings = warningsOpenedOrClosed(data.warnings, data.start, data.end);
  const openAtEnd = data.warnings.filter((warning) => warning.first_as_of <= data.end && (warning.resolved_as_of === null || warning.resolved_as_of > data.end)).length;
  const warningsBlocks: ReportBlock[] = [
    paragraph(
      words.say('monthly.warningsSummary', {
        opened: n(data.warnings.filter((warning) => warning.first_as_of >= data.start && warning.first_as_of <= data.end).length),
        closed: n(data.warnings.filter((warning) => warning.resolved_as_of !== null && warning.resolved_as_of >= data.start && warning.resolved_as_of <= data.end).length),
        open: n(openAtEnd),
      }),
    ),
    ...(warnings.length === 0 ? [] : [warningTable(warnings, words)]),
  ];
  return {
    language,
    title: words.say('monthly.title', { month: words.month(data.month) }),
    meta: reportMeta(words, data.start, data.end, data.hospital),
    sections: [
      { ...categories, blocks: [paragraph(words.say('monthly.volumes', { month: data.month, count: total(data.month), previous: total(previous), lastYear: total(lastYear) })), ...categories.blocks] },
      {
        heading: words.say('monthly.contents'),
        blocks: blocksOrNone(issues, words.say('monthly.noContents'), [
          tableBlock(
            [words.say('issues.rank'), words.say('monthly.theme'), words.say('issues.records'), words.say('monthly.previousMonth'), words.say('monthly.departmentsAffected')],
            issues.map((issue, index) => [n(index + 1), issue.theme, n(issue.records), n(issue.previous_month_records), issue.departments.slice(0, 3).join(language === 'zh' ? '、' : ', ')]),
            [0, 2, 3],
          ),
        ]),
      },
      breakdown('monthly.departments', 'department', (value) => value),
      breakdown('monthly.channels', 'channel', (value) => words.label('channel', value)),
      {
        heading: words.say('monthly.satisfaction'),
        blocks: blocksOrNone(satisfactionRows, words.say('monthly.noSatisfaction'), [
          tableBlock(
            [words.say('monthly.section'), words.say('monthly.patientType'), words.say('monthly.respondents'), words.say('monthly.satisfied'), words.say('monthly.previousMonth')],
            satisfactionRows,
            [2, 3, 4],
          ),
          paragraph(words.say('monthly.satisfactionNote')),
        ]),
      },
      {
        heading: words.say('rates.title'),
        blocks: blocksOrNone(rateRows, words.say('monthly.none'), [
          tableBlock([words.say('rates.measure'), words.say('monthly.thisMonth'), words.say('monthly.previousMonth'), words.say('monthly.lastYear')], rateRows, [1, 2, 3]),
          paragraph(words.say('monthly.ratesNote')),
        ]),
      },
      { heading: words.say('monthly.warnings'), blocks: warningsBlocks },
      { heading: words.say('monthly.topic'), blocks: topicBlocks(data.topics, words, language) },
      { heading: words.say('monthly.fixes'), blocks: fixBlocks(data.fixes, words, language) },
    ],
  };
}
