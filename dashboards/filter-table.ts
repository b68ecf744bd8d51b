import type { Language } from '../pipeline/config.ts';
import { html, type SafeHtml } from './html.ts';

/** A value a filterable table's data may hold: text, a number, a yes/no, a list of texts, or nothing. */
export type TableValue = string | number | boolean | null | readonly string[];

/** One row of a filterable table's data (written as Arrow IPC by pipeline/publish/table-data.ts). */
export type TableRow = Readonly<Record<string, TableValue>>;

/** One filter of a table: a field of its data, its label, and the words for coded values (severity high → 高). */
export interface TableFilter {
  field: string;
  label: string;
  labels?: Readonly<Record<string, string>>;
}

/**
 * What makes a published table filterable and sortable in the page (dashboards/assets/tables.js):
 * the name of its data (Arrow IPC, in the page's tables script), its filters, and for each header
 * column the field it sorts by (null: not sortable). Each body row carries its row of the data
 * (table()'s rowKeys), so the data never has to be in the rows' order.
 */
export interface FilterTableSpec {
  data: string;
  filters: readonly TableFilter[];
  sort: readonly (string | null)[];
}

/** The words of the filter bar, per language, beside the only module that uses them. */
const copy: Record<Language, { all: string; shown: string; sort: string }> = {
  en: { all: 'All', shown: '{shown} of {total} rows shown', sort: 'Click a column heading to sort.' },
  zh: { all: '全部', shown: '显示 {shown} 行，共 {total} 行', sort: '点击列标题可排序。' },
  vi: { all: 'Tất cả', shown: 'Hiển thị {shown} trên {total} dòng', sort: 'Bấm vào tiêu đề cột để sắp xếp.' },
};

/**
 * The attributes that mark a <table> filterable (pass them as table()'s `attributes`): the name of
 * its data and, as JSON the script reads, its filters, sort fields and the filter bar's words.
 * A filter of the field `department` lists each department by its name on the page (`departments`,
 * the page frame's), as the page's cells name it, while it filters by the data's name.
 * Escaped like any attribute; with scripts off they do nothing and the table shows every row.
 *
 * @example table(header, rows, { rowKeys, attributes: filterAttributes({ data: 'warnings', filters: [], sort: [] }, 'en') })
 */
export function filterAttributes(spec: FilterTableSpec, language: Language, departments: Readonly<Record<string, string>> = {}): SafeHtml {
  const filters = spec.filters.map((filter) => (filter.field === 'department' ? { ...filter, labels: { ...departments, ...filter.labels } } : filter));
  const ui = { filters, sort: spec.sort, words: copy[language] };
  return html` data-table="${spec.data}" data-ui="${JSON.stringify(ui)}"`;
}
