import * as Plot from '@observablehq/plot';
import type { Language } from '../../pipeline/config.ts';
import { formatMonth } from '../../pipeline/dates.ts';
import { t } from '../../pipeline/i18n.ts';
import type { SafeHtml } from '../html.ts';
import { reportWords } from '../reports/copy.ts';
import { chartDefaults, formatValue, listText, monthAxis, monthDate, monthsText, numberAxis, renderFigure } from './figure.ts';
import type { SatisfactionTrendRow } from './satisfaction-chart.ts';
import { rememberedChart } from './remembered-chart.ts';

/** One month of one section and patient type of mart_satisfaction_section_trend. */
export interface SectionTrendRow extends SatisfactionTrendRow {
  patient_type: string;
  dimension: string;
}

export interface SectionsChartOptions {
  language: Language;
  /** Whose index it is: a department's name or "whole hospital", in the title. */
  scope: string;
}

const SECTIONS = ['A', 'B', 'C', 'D', 'E'] as const;

const POINT_COLOURS: Record<string, string> = {
  special_cause_improvement: chartDefaults.improvement,
  special_cause_concern: chartDefaults.concern,
};

type Drawn = SectionTrendRow & { pct_satisfied: number; date: Date; section: string; patients: string };

/**
 * The satisfaction index by month of each section A–E (the Ministry of Health forms), one small
 * chart per section (rows) and patient type (columns: inpatients and outpatients where the
 * surveys say which, else every respondent), each as the whole index is drawn: the 95% interval
 * band, the process limits and mean the pipeline computed (held from a baseline, recalculated only
 * at a sustained shift, so a step is a new period), and the special-cause months as coloured dots.
 * Suppressed months are not drawn. Returns null when no section has two months to draw.
 *
 * @example satisfactionSectionsChart(rows, { language: 'vi', scope: 'Khoa Nhi' })
 */
export const satisfactionSectionsChart = rememberedChart('satisfactionSectionsChart', function satisfactionSectionsChart(rows: readonly SectionTrendRow[], options: SectionsChartOptions): SafeHtml | null {
  const { language } = options;
  const words = reportWords(language);
  const sectionRows = rows.filter((row) => (SECTIONS as readonly string[]).includes(row.dimension));
  const typed = sectionRows.some((row) => row.patient_type !== 'all' && !row.suppressed && row.pct_satisfied !== null);
  // inpatients and outpatients apart where the surveys tell them apart; else every respondent
  const shown = sectionRows
    .filter((row) => (typed ? row.patient_type !== 'all' : row.patient_type === 'all'))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const drawn: Drawn[] = shown
    .filter((row): row is SectionTrendRow & { pct_satisfied: number } => !row.suppressed && row.pct_satisfied !== null)
    .map((row) => ({ ...row, date: monthDate(row.month), section: words.label('section', row.dimension), patients: words.label('patient', row.patient_type) }));
  const months = [...new Set(drawn.map((row) => row.month))].sort();
  const first = months[0];
  const last = months.at(-1);
  if (months.length < 2 || first === undefined || last === undefined) return null;
  const sections = SECTIONS.filter((section) => drawn.some((row) => row.dimension === section)).map((section) => words.label('section', section));
  const patients = [...new Set(drawn.map((row) => row.patient_type))].sort().map((type) => words.label('patient', type));
  const percent = (value: number | null) => (value === null ? '–' : `${formatValue(language, value)}%`);
  const signals = (pointType: string) => {
    const panels = new Map<string, string[]>();
    for (const row of drawn.filter((r) => r.point_type === pointType)) {
      const panel = `${row.section} · ${row.patients}`;
      panels.set(panel, [...(panels.get(panel) ?? []), row.month]);
    }
    return listText(language, [...panels].map(([panel, at]) => `${panel}: ${monthsText(language, at)}`));
  };
  const facet = { fx: 'patients', fy: 'section' } as const;
  const limitLine = (field: 'lower_limit_pct' | 'upper_limit_pct') =>
    Plot.lineY(drawn, { ...facet, x: 'date', y: field, z: 'limits_from', stroke: chartDefaults.limit, strokeDasharray: '4 3', strokeWidth: 1 });
  return renderFigure(
    {
      title: t(language, 'chart.sections.title', { scope: options.scope }),
      description: t(language, 'chart.sections.description', {
        from: formatMonth(language, first),
        to: formatMonth(language, last),
        concern: signals('special_cause_concern'),
        improvement: signals('special_cause_improvement'),
      }),
      plot: {
        height: 40 + 90 * sections.length,
        marginRight: 36,
        // a panel is half the width: half the labels, and room between the panels
        x: { ...monthAxis(months, patients.length > 1 ? 2 : 5), inset: 12 },
        y: numberAxis(language, t(language, 'chart.indexAxis'), { nice: true, ticks: 3 }),
        fx: { domain: patients, label: null, padding: 0.12 },
        fy: { domain: sections, label: null, tickFormat: (section: string) => section.slice(0, 1) },
        marks: [
          Plot.areaY(
            drawn.filter((row) => row.ci_low !== null && row.ci_high !== null),
            { ...facet, x: 'date', y1: 'ci_low', y2: 'ci_high', fill: chartDefaults.band, fillOpacity: 0.8 },
          ),
          limitLine('lower_limit_pct'),
          limitLine('upper_limit_pct'),
          // one segment per limits period: a recalculation is a break, not a slope
          Plot.lineY(drawn, { ...facet, x: 'date', y: 'mean_pct', z: 'limits_from', stroke: chartDefaults.muted, strokeWidth: 1 }),
          Plot.lineY(drawn, { ...facet, x: 'date', y: 'pct_satisfied', stroke: chartDefaults.ink, strokeWidth: 1.5 }),
          Plot.dot(
            drawn.filter((row) => row.point_type !== null && row.point_type in POINT_COLOURS),
            { ...facet, x: 'date', y: 'pct_satisfied', r: 3, fill: (row: Drawn) => POINT_COLOURS[row.point_type ?? ''], title: (row: Drawn) => `${row.section} · ${row.patients} · ${row.month}: ${percent(row.pct_satisfied)}` },
          ),
        ],
      },
      header: [
        t(language, 'chart.section'),
        t(language, 'chart.patientType'),
        t(language, 'chart.month'),
        t(language, 'leadership.respondents'),
        t(language, 'leadership.index'),
        t(language, 'chart.interval'),
        t(language, 'chart.lowerLimit'),
        t(language, 'chart.upperLimit'),
        t(language, 'leadership.spc'),
      ],
      rows: [...shown]
        .sort((a, b) => (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : a.patient_type < b.patient_type ? -1 : a.patient_type > b.patient_type ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
        .map((row) => {
          const head = [words.label('section', row.dimension), words.label('patient', row.patient_type), row.month];
          if (row.suppressed || row.pct_satisfied === null) return [...head, '', t(language, 'leadership.tooFew'), '', '', '', ''];
          return [
            ...head,
            formatValue(language, row.responses, 0),
            percent(row.pct_satisfied),
            row.ci_low === null || row.ci_high === null ? '–' : `${formatValue(language, row.ci_low)}–${formatValue(language, row.ci_high)}`,
            percent(row.lower_limit_pct),
            percent(row.upper_limit_pct),
            row.point_type === 'special_cause_improvement' ? t(language, 'leadership.spc.improvement') : row.point_type === 'special_cause_concern' ? t(language, 'leadership.spc.concern') : '',
          ];
        }),
      numeric: [3, 4, 5, 6, 7],
    },
    language,
  );
});
