import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t } from '../../pipeline/i18n.ts';
import { html, type SafeHtml } from '../html.ts';
import { reportWords } from '../reports/copy.ts';
import { chartDefaults, formatValue, listText, renderFigure } from './figure.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One department × category cell of mart_department_category_heat in one month. */
export interface HeatCellRow {
  department: string;
  category: string;
  observed: number;
  /** Mean of the 12 months before (null without history). */
  expected: number | null;
  /** observed / expected where expected > 0. */
  ratio: number | null;
  well_above: boolean;
}

export interface HeatmapChartOptions {
  language: Language;
  month: string;
  /** At most this many departments, those with the most complaints in the month. */
  top: number;
}

/** Room for a department's name left of the cells, in px at the chart's 12 px type. */
const NAME_WIDTH = 120;

/** A name cut to fit NAME_WIDTH: a CJK character is about a full em, others about half of one. */
function shortName(name: string): string {
  let width = 0;
  let cut = 0;
  for (const character of name) {
    width += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/u.test(character) ? 12 : 6.6;
    if (width > NAME_WIDTH - 12) return `${name.slice(0, cut)}…`;
    cut += character.length;
  }
  return name;
}

const CATEGORY_ORDER = ['process', 'attitude', 'quality', 'cost', 'facility', 'other'];

/** How far the colours reach: a quarter of the usual level to four times it, on a log scale. */
const RATIO_DOMAIN: [number, number] = [0.25, 4];

/** The colour scale of the cells: observed / expected, diverging on a log scale about 1. */
const COLOR: Plot.ScaleOptions = { type: 'diverging-log', pivot: 1, domain: RATIO_DOMAIN, clamp: true, scheme: 'PuOr' };

/** The ratios the legend shows a swatch of, with their words (the ends stand for everything beyond them). */
const LEGEND_STOPS = [
  { ratio: 0.25, label: 'low' },
  { ratio: 0.5, label: '× ½' },
  { ratio: 1, label: 'usual' },
  { ratio: 2, label: '× 2' },
  { ratio: 4, label: 'high' },
] as const;

/** The legend's words, beside the only chart that uses them. */
const legendCopy: Record<Language, { title: string; low: string; usual: string; high: string; isNew: string; none: string; outlined: string }> = {
  en: { title: 'Colour: complaints against the usual level', low: '× ¼ or less', usual: '× 1, as usual', high: '× 4 or more', isNew: 'new this month (none before)', none: 'no usual level yet', outlined: 'outlined: 3 or more and at least twice the usual' },
  zh: { title: '颜色：投诉数与常态水平之比', low: '× ¼ 及以下', usual: '× 1，与常态持平', high: '× 4 及以上', isNew: '本月新出现（此前没有）', none: '尚无常态水平', outlined: '加框：不少于 3 件且达到常态两倍' },
  vi: { title: 'Màu: khiếu nại so với mức thường lệ', low: '× ¼ trở xuống', usual: '× 1, như thường lệ', high: '× 4 trở lên', isNew: 'mới trong tháng (trước đó không có)', none: 'chưa có mức thường lệ', outlined: 'viền đậm: từ 3 khiếu nại và từ gấp đôi mức thường lệ' },
};

/**
 * The key to the heatmap's colours, as HTML: Plot draws a continuous ramp on a canvas, which a page
 * built without a browser has not, so each colour is a swatch of the same scale (Plot.scale) with
 * the ratio it stands for, then the new cells, the cells with no usual level, and the outline.
 */
function heatmapLegend(language: Language): SafeHtml {
  const words = legendCopy[language];
  const scale = Plot.scale({ color: COLOR });
  const swatch = (style: string, label: string) => html`<li><span class="swatch" style="${style}"></span>${label}</li>`;
  const stops = LEGEND_STOPS.map(({ ratio, label }) => swatch(`background:${String(scale.apply(ratio))}`, label === 'low' || label === 'usual' || label === 'high' ? words[label] : label));
  return html`<ul class="legend" aria-label="${words.title}">${stops}${swatch(`background:${chartDefaults.concern}`, words.isNew)}${swatch(`background:white;border:1px dashed ${chartDefaults.limit}`, words.none)}${swatch(`border:2px solid ${chartDefaults.ink}`, words.outlined)}</ul>\n`;
}

/**
 * A department × category heatmap of one month against each cell's expected level (the mean of
 * the 12 months before, as mart_department_category_heat computed it): the colour is observed /
 * expected on a log scale centred on 1 (purple below, orange above, clamped at ¼ and 4), a cell
 * new this month (none before) in the strongest orange, the number of complaints written in each
 * cell, and the cells the mart flagged as well above outlined. Departments: the `top` with the
 * most complaints in the month. Returns null when the month has no cell.
 *
 * @example departmentCategoryHeatmap(rows, { language: 'zh', month: '2025-06', top: 15 })
 */
export const departmentCategoryHeatmap = rememberedChart('departmentCategoryHeatmap', function departmentCategoryHeatmap(rows: readonly HeatCellRow[], options: HeatmapChartOptions): SafeHtml | null {
  const { language } = options;
  const words = reportWords(language);
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.department, (totals.get(row.department) ?? 0) + row.observed);
  const departments = [...totals]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language))
    .slice(0, options.top)
    .map(([department]) => department);
  if (departments.length === 0) return null;
  const shown = rows.filter((row) => departments.includes(row.department));
  const categories = [...new Set(shown.map((row) => row.category))]
    .sort((a, b) => (CATEGORY_ORDER.indexOf(a) + 1 || 99) - (CATEGORY_ORDER.indexOf(b) + 1 || 99) || (a < b ? -1 : a > b ? 1 : 0))
    .map((category) => words.category(category));
  const cells = shown.map((row) => ({ ...row, categoryLabel: words.category(row.category), isNew: row.observed > 0 && row.expected === 0 }));
  const ratioText = (row: HeatCellRow) => (row.ratio !== null ? `× ${formatValue(language, row.ratio, 1)}` : row.observed > 0 && row.expected === 0 ? t(language, 'chart.heatmap.newCell') : '–');
  const high = cells.filter((row) => row.well_above).map((row) => `${row.department} · ${row.categoryLabel} (${formatValue(language, row.observed, 0)}, ${ratioText(row)})`);
  const tip = (row: (typeof cells)[number]) =>
    `${row.department} · ${row.categoryLabel}: ${formatValue(language, row.observed, 0)} / ${formatValue(language, row.expected)} (${ratioText(row)})`;
  return renderFigure(
    {
      title: t(language, 'chart.heatmap.title', { month: formatMonth(language, options.month) }),
      description: t(language, 'chart.heatmap.description', { month: formatMonth(language, options.month), high: listText(language, high) }),
      plot: {
        height: 60 + 22 * departments.length,
        marginLeft: NAME_WIDTH + 8,
        marginBottom: 8,
        x: { domain: categories, axis: 'top', label: null, tickSize: 0 },
        y: { domain: departments, label: null, tickSize: 0, tickFormat: shortName },
        // its key is heatmapLegend's, in HTML above the drawing
        color: COLOR,
        marks: [
          Plot.cell(
            cells.filter((row) => row.ratio !== null),
            { x: 'categoryLabel', y: 'department', fill: 'ratio', inset: 1, title: tip },
          ),
          Plot.cell(
            cells.filter((row) => row.isNew),
            { x: 'categoryLabel', y: 'department', fill: chartDefaults.concern, inset: 1, title: tip },
          ),
          // no usual level yet: white with a dashed edge, so it is never read as the scale's pale middle (as usual)
          Plot.cell(
            cells.filter((row) => row.ratio === null && !row.isNew),
            { x: 'categoryLabel', y: 'department', fill: 'white', stroke: chartDefaults.limit, strokeDasharray: '2 2', inset: 1.5, title: tip },
          ),
          Plot.cell(
            cells.filter((row) => row.well_above),
            { x: 'categoryLabel', y: 'department', stroke: chartDefaults.ink, strokeWidth: 2, fill: 'none', inset: 1.5 },
          ),
          Plot.text(
            cells.filter((row) => row.observed > 0),
            { x: 'categoryLabel', y: 'department', text: (row: HeatCellRow) => formatValue(language, row.observed, 0), fill: chartDefaults.ink, stroke: 'white', strokeWidth: 3 },
          ),
        ],
      },
      header: [t(language, 'leadership.department'), t(language, 'chart.heatmap.category'), t(language, 'chart.heatmap.observed'), t(language, 'chart.heatmap.expected'), t(language, 'chart.heatmap.ratio')],
      rows: [...cells]
        .sort((a, b) => departments.indexOf(a.department) - departments.indexOf(b.department) || categories.indexOf(a.categoryLabel) - categories.indexOf(b.categoryLabel))
        .map((row) => [row.department, row.categoryLabel, formatValue(language, row.observed, 0), formatValue(language, row.expected), ratioText(row)]),
      numeric: [2, 3, 4],
      legend: heatmapLegend(language),
    },
    language,
  );
});
