import type { Language } from '../pipeline/config.ts';
import { formatNumber, t } from '../pipeline/i18n.ts';
import { fill, html, table, type SafeHtml } from './html.ts';
import { monthTag } from './time-tag.ts';

/** One row of mart_division_kpis: a division's departments rolled up for one month, in one hospital. */
export interface DivisionRow {
  division: string;
  division_zh: string;
  division_vi: string;
  division_en: string;
  received: number;
  responded_in_time_rate: number | null;
  resolution_rate: number | null;
  solved_rate: number | null;
  satisfaction_rate: number | null;
  responses: number;
  pct_satisfied: number | null;
  suppressed: boolean;
}

/** The section's words, per language, beside the only module that uses them. */
const copy: Record<Language, { title: string; intro: string; division: string; tooFew: string }> = {
  en: {
    title: 'Divisions, {month}',
    intro: 'Each division’s departments taken together (the parent column of the department table), this hospital only.',
    division: 'Division',
    tooFew: 'too few responses',
  },
  zh: {
    title: '系统（{month}）',
    intro: '各系统所属科室合并统计（科室表的 parent 列），仅本院。',
    division: '系统',
    tooFew: '应答过少',
  },
  vi: {
    title: 'Khối, {month}',
    intro: 'Các khoa của mỗi khối gộp lại (cột parent của bảng khoa), chỉ bệnh viện này.',
    division: 'Khối',
    tooFew: 'quá ít phiếu trả lời',
  },
};

/**
 * The hospital overview's short table of divisions (内科系统, Khối Nội) for the month shown:
 * complaints, the rates as the practice counts them and the satisfaction index of each division.
 * Nothing at all where the department tables give no division.
 *
 * @example renderDivisions([{ division: 'medicine', division_zh: '内科系统', … }], '2025-06', 'zh')
 */
export function renderDivisions(rows: readonly DivisionRow[], month: string, language: Language): SafeHtml | '' {
  if (rows.length === 0) return '';
  const words = copy[language];
  const m = (key: Parameters<typeof t>[1]) => t(language, key);
  const pct = (value: number | null) => (value === null ? '–' : `${formatNumber(language, value, 1)}%`);
  const name = (row: DivisionRow) => ({ zh: row.division_zh, vi: row.division_vi, en: row.division_en })[language];
  const body = [...rows]
    .sort((a, b) => name(a).localeCompare(name(b), language))
    .map((row) => [
      name(row),
      formatNumber(language, row.received),
      pct(row.responded_in_time_rate),
      pct(row.resolution_rate),
      pct(row.solved_rate),
      pct(row.satisfaction_rate),
      row.suppressed ? words.tooFew : `${pct(row.pct_satisfied)} (${formatNumber(language, row.responses)})`,
    ]);
  return html`<h2>${fill(words.title, { month: monthTag(language, month) })}</h2>
<p>${words.intro}</p>
${table(
  [words.division, m('leadership.received'), m('leadership.respondedInTime'), m('leadership.resolutionRate'), m('leadership.solvedRate'), m('leadership.satisfactionRate'), m('leadership.index')],
  body,
  { numericFrom: 1, stack: true },
)}`;
}
