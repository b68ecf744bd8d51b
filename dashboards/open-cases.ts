import type { Language } from '../pipeline/config.ts';
import { formatNumber, t, type MessageKey } from '../pipeline/i18n.ts';
import { filterAttributes, type TableRow } from './filter-table.ts';
import { fill, html, table, type SafeHtml } from './html.ts';
import { dayTag } from './time-tag.ts';

/** One row of mart_open_cases, as the page reads it (dates as YYYY-MM-DD). */
export interface OpenCaseRow {
  clock: 'department' | 'reported_upward';
  department: string;
  owner: string | null;
  owner_role: 'head' | 'supervising_leader';
  category: string | null;
  received_date: string;
  age_working_days: number;
  status: string | null;
  due_date: string | null;
  escalation_step: number;
  text_redacted: string;
  id: string;
}

const defaults = {
  /** Rows shown per list; the whole list is in data/open_cases.csv. */
  maxRows: 200,
};

/**
 * The data of the open-case lists' filters and sorting, a row per case in mart_open_cases' order
 * (the order the page's rows name): codes, dates and numbers, worded by the page.
 */
export function openCaseData(rows: readonly OpenCaseRow[]): TableRow[] {
  return rows.map((row) => ({
    department: row.department,
    owner: row.owner,
    category: row.category,
    status: row.status,
    received_date: row.received_date,
    due_date: row.due_date,
    age_working_days: row.age_working_days,
    escalation_step: row.escalation_step,
  }));
}

/**
 * The open-case list (接诉即办 清单) as a section of a page: the department's cases by due date, then
 * those reported upward. Everything is escaped here; the rows come ordered from mart_open_cases.
 *
 * @example renderOpenCases(rows, '2025-06-30', 'zh') // '<h2>未办结投诉清单…</h2>…'
 */
export function renderOpenCases(rows: readonly OpenCaseRow[], asOf: string, language: Language, departments: Readonly<Record<string, string>> = {}): SafeHtml {
  const m = (key: MessageKey, values?: Record<string, string | number>) => t(language, key, values);
  const n = (value: number) => formatNumber(language, value);
  const owner = (row: OpenCaseRow) => (row.owner === null ? m(`case.role.${row.owner_role}`) : row.owner);
  const category = (row: OpenCaseRow) => (row.category === null ? '–' : m(`category.${row.category}` as MessageKey));
  const status = (row: OpenCaseRow) => (row.status === null ? '–' : m(`case.status.${row.status}` as MessageKey));
  const filters = filterAttributes(
    {
      data: 'open_cases',
      filters: [
        { field: 'department', label: m('leadership.department') },
        // coded values worded as their cells are
        { field: 'category', label: m('case.category'), labels: Object.fromEntries(rows.map((row) => [row.category ?? '', category(row)])) },
        { field: 'status', label: m('case.status'), labels: Object.fromEntries(rows.map((row) => [row.status ?? '', status(row)])) },
      ],
      sort: ['due_date', 'department', 'owner', 'category', 'received_date', 'age_working_days', 'status', 'escalation_step', null],
    },
    language,
    departments,
  );
  const list = (clock: OpenCaseRow['clock']) => {
    // each row keeps its place in `rows`, the data's order
    const all = rows.map((row, key) => ({ row, key })).filter(({ row }) => row.clock === clock);
    const shown = all.slice(0, defaults.maxRows);
    const body = shown.map(({ row }) => [
      dayTag(language, row.due_date),
      row.department,
      owner(row),
      category(row),
      dayTag(language, row.received_date),
      n(row.age_working_days),
      status(row),
      row.escalation_step === 0 ? '–' : n(row.escalation_step),
      html`${row.text_redacted}<br><small>${row.id}</small>`,
    ]);
    const header = [
      m('case.dueDate'), m('leadership.department'), m('case.owner'), m('case.category'), m('case.received'),
      m('case.age'), m('case.status'), m('case.step'), m('case.text'),
    ];
    const more = all.length > shown.length ? html`<p class="meta">${m('case.more', { shown: shown.length, total: all.length })}</p>` : '';
    return all.length === 0 ? html`<p>${m('site.none')}</p>` : html`${table(header, body, { numeric: [5, 7], prose: [8], stack: true, rowKeys: shown.map(({ key }) => key), attributes: filters })}${more}`;
  };
  return html`
<h2>${fill(m('case.title'), { asOf: dayTag(language, asOf) })}</h2>
<p>${m('case.intro')}</p>
${list('department')}
<h3>${m('case.reportedUpward')}</h3>
<p>${m('case.reportedUpwardIntro')}</p>
${list('reported_upward')}
`;
}
