import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t, type MessageKey } from '../../pipeline/i18n.ts';
import { CATEGORIES, type Category } from '../../pipeline/text/category-lexicon.ts';
import type { SafeHtml } from '../html.ts';
import { reportWords } from '../reports/copy.ts';
import { chartDefaults, formatValue, listText, monthTicks, numberAxis, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One month of one category of mart_complaint_monthly. */
export interface CategoryMonthRow {
  month: string;
  category: string;
  complaints: number;
}

/** One month of one department of mart_complaint_monthly. */
export interface DepartmentMonthRow {
  month: string;
  department: string;
  complaints: number;
}

/** One month of one channel (and social platform) of mart_complaint_channels. */
export interface ChannelMonthRow {
  month: string;
  channel: string;
  /** The social platform (wechat, facebook, ...) where the record named one, else null. */
  platform: string | null;
  complaints: number;
}

export interface ComplaintsChartOptions {
  language: Language;
  /** Whose complaints they are: a department's name or "whole hospital", in the title. */
  scope: string;
}

export interface DepartmentsChartOptions {
  language: Language;
  /** How many departments the rows hold (the page keeps the top ones by the mart's rank). */
  top: number;
}

interface Stack {
  title: string;
  descriptionKey: MessageKey;
  values: Record<string, string | number>;
  /** The series' names in drawing order. */
  series: string[];
  points: { month: string; series: string; complaints: number }[];
}

/** Complaints by month stacked by series, with the total of each series in the text alternative. */
function stackedMonths(stack: Stack, language: Language): SafeHtml | null {
  const months = [...new Set(stack.points.map((point) => point.month))].sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return null;
  const total = (series: string) => stack.points.filter((point) => point.series === series).reduce((sum, point) => sum + point.complaints, 0);
  const totals = stack.series.map((series) => `${series} ${formatValue(language, total(series), 0)}`);
  const count = (month: string, series: string) => stack.points.find((point) => point.month === month && point.series === series)?.complaints ?? 0;
  return renderFigure(
    {
      title: stack.title,
      description: t(language, stack.descriptionKey, { ...stack.values, from: formatMonth(language, first), to: formatMonth(language, last), totals: listText(language, totals) }),
      plot: {
        // one band per month of the rows (a month without any complaint has no row, hence no band)
        x: { type: 'band', domain: months, ticks: monthTicks(months), label: null, paddingInner: 0.1 },
        y: numberAxis(language, t(language, 'chart.complaints')),
        color: { legend: true, domain: stack.series, range: chartDefaults.series.slice(0, Math.max(stack.series.length, 1)) },
        marks: [
          Plot.barY(stack.points, { x: 'month', y: 'complaints', fill: 'series', order: stack.series, title: (point: { month: string; series: string; complaints: number }) => `${formatMonth(language, point.month)} · ${point.series}: ${formatValue(language, point.complaints, 0)}` }),
          Plot.ruleY([0]),
        ],
      },
      header: [t(language, 'chart.month'), ...stack.series],
      rows: months.map((month) => [month, ...stack.series.map((series) => formatValue(language, count(month, series), 0))]),
      numeric: stack.series.map((_, i) => i + 1),
    },
    language,
  );
}

/**
 * Complaints received by month, stacked by category (the practice's five and `other`; a value the
 * pipeline did not recognise is shown as written), each category in the same colour on every page.
 *
 * @example complaintsByCategoryChart([{ month: '2025-06', category: 'process', complaints: 12 }], { language: 'zh', scope: '全院' })
 */
export const complaintsByCategoryChart = rememberedChart('complaintsByCategoryChart', function complaintsByCategoryChart(rows: readonly CategoryMonthRow[], options: ComplaintsChartOptions): SafeHtml | null {
  const { language } = options;
  // the practice's order, so each category keeps its colour on every chart
  const known = (category: string): category is Category => (CATEGORIES as readonly string[]).includes(category);
  const label = (category: string) => (known(category) ? t(language, `category.${category}`) : category);
  const present = new Set(rows.map((row) => row.category));
  const codes = [...CATEGORIES.filter((category) => present.has(category)), ...[...present].filter((category) => !known(category)).sort()];
  return stackedMonths(
    {
      title: t(language, 'chart.byCategory.title', { scope: options.scope }),
      descriptionKey: 'chart.byCategory.description',
      values: {},
      series: codes.map(label),
      points: rows.map((row) => ({ month: row.month, series: label(row.category), complaints: row.complaints })),
    },
    language,
  );
});

/**
 * Complaints received by month in the departments with the most complaints, stacked by
 * department, the one with the most at the bottom. The rows are those departments only: which
 * ones is the mart's rank, picked by the page.
 *
 * @example complaintsByDepartmentChart(rows.filter((r) => r.rank <= 8), { language: 'en', top: 8 })
 */
export const complaintsByDepartmentChart = rememberedChart('complaintsByDepartmentChart', function complaintsByDepartmentChart(rows: readonly DepartmentMonthRow[], options: DepartmentsChartOptions): SafeHtml | null {
  const { language } = options;
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.department, (totals.get(row.department) ?? 0) + row.complaints);
  const departments = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language)).map(([department]) => department);
  return stackedMonths(
    {
      title: t(language, 'chart.byDepartment.title', { top: options.top }),
      descriptionKey: 'chart.byDepartment.description',
      values: { top: options.top },
      series: departments,
      points: rows.map((row) => ({ month: row.month, series: row.department, complaints: row.complaints })),
    },
    language,
  );
});

/** The contract's channels in the order the practice lists its intake (contract v2 section 1.1). */
const CHANNELS = ['hotline', 'gov_hotline', 'walk_in', 'website', 'email', 'social', 'suggestion_box', 'survey', 'callback', 'other'] as const;

/** The social platforms of contract v2 by their own names, which the Chinese reader knows in Chinese. */
const PLATFORMS: Readonly<Record<string, { name: string; zh?: string }>> = {
  wechat: { name: 'WeChat', zh: '微信' },
  weibo: { name: 'Weibo', zh: '微博' },
  douyin: { name: 'Douyin', zh: '抖音' },
  facebook: { name: 'Facebook' },
  zalo: { name: 'Zalo' },
  tiktok: { name: 'TikTok' },
  youtube: { name: 'YouTube' },
};

/**
 * Complaints received by month, stacked by channel (the channel mix): the contract's channels in
 * the practice's order, a value not recognised last as written, and social media split by the
 * platform the record named ("Social media · Zalo"), so a hospital sees where its complaints come
 * in. The grouping is the mart's (a platform is `social`); this only names the series.
 *
 * @example complaintsByChannelChart([{ month: '2025-06', channel: 'social', platform: 'zalo', complaints: 4 }], { language: 'vi', scope: 'Toàn bệnh viện' })
 */
export const complaintsByChannelChart = rememberedChart('complaintsByChannelChart', function complaintsByChannelChart(rows: readonly ChannelMonthRow[], options: ComplaintsChartOptions): SafeHtml | null {
  const { language } = options;
  const words = reportWords(language);
  const platformName = (platform: string) => (language === 'zh' ? PLATFORMS[platform]?.zh : undefined) ?? PLATFORMS[platform]?.name ?? platform;
  const label = (row: { channel: string; platform: string | null }) =>
    row.platform === null ? words.label('channel', row.channel) : `${words.label('channel', row.channel)} · ${platformName(row.platform)}`;
  const rank = (row: { channel: string; platform: string | null }) => {
    const channel = (CHANNELS as readonly string[]).indexOf(row.channel);
    const platform = row.platform === null ? -1 : Object.keys(PLATFORMS).indexOf(row.platform);
    return [channel < 0 ? CHANNELS.length : channel, platform < 0 && row.platform !== null ? Object.keys(PLATFORMS).length : platform];
  };
  const series = [...new Map(rows.map((row) => [label(row), row])).values()]
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || (label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0);
    })
    .map(label);
  return stackedMonths(
    {
      title: t(language, 'chart.byChannel.title', { scope: options.scope }),
      descriptionKey: 'chart.byChannel.description',
      values: {},
      series,
      points: rows.map((row) => ({ month: row.month, series: label(row), complaints: row.complaints })),
    },
    language,
  );
});
