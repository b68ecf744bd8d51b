import type { DuckDBConnection } from '@duckdb/node-api';
import type { Language } from '../../config.ts';
import { queryRows } from '../../db.ts';
import { LANGUAGES } from '../../languages.ts';
import { WITHHELD, withheldInLanguage } from '../withheld-value.ts';

/** A known department's name on a page of each language, by the name hearken shows it under (mart_department_page_names). */
export type DepartmentNames = ReadonlyMap<string, Readonly<Record<Language, string>>>;

/**
 * The names of mart_department_page_names, read once per run, and a department withheld for
 * personal data (WITHHELD) in each language's words: pages, their filters and the reports name it
 * as they name every department, while their tables' data and the exports keep the token.
 */
export async function readDepartmentNames(connection: DuckDBConnection): Promise<DepartmentNames> {
  const rows = await queryRows<{ department: string; name_zh: string; name_vi: string; name_en: string }>(
    connection,
    'select department, name_zh, name_vi, name_en from mart_department_page_names',
  );
  const withheld = Object.fromEntries(LANGUAGES.map((language) => [language, withheldInLanguage(WITHHELD, language)])) as Record<Language, string>;
  return new Map([...rows.map((row) => [row.department, { zh: row.name_zh, vi: row.name_vi, en: row.name_en }] as const), [WITHHELD, withheld]]);
}

/**
 * The names of the departments a page shows (`shown`, departmentsIn its data), in `names`' order:
 * what travels with the page (to its render thread, and in its filters), so one hospital's page
 * names no other hospital's departments.
 *
 * @example namesShown(names, new Set(['Khoa Nhi'])) // Map { 'Khoa Nhi' => { zh: '儿科', vi: 'Khoa Nhi', en: 'Pediatrics' } }
 */
export function namesShown(names: DepartmentNames, shown: ReadonlySet<string>): DepartmentNames {
  return new Map([...names].filter(([department]) => shown.has(department)));
}

/**
 * Each department's name on a page of `language`, by its data's name, where the two differ: what
 * a page's filters list its tables' departments by (PageFrame.departments).
 *
 * @example namesIn(namesShown(names, new Set(['Khoa Nhi'])), 'zh') // { 'Khoa Nhi': '儿科' }
 */
export function namesIn(names: DepartmentNames, language: Language): Record<string, string> {
  return Object.fromEntries([...names].flatMap(([department, name]) => (name[language] !== department ? [[department, name[language]]] : [])));
}

/**
 * The value of every `department` field of `values`, at any depth (the fields inPageLanguage
 * renames): the departments a page shows.
 *
 * @example departmentsIn({ rows: [{ department: 'Khoa Nhi' }] }) // Set { 'Khoa Nhi' }
 */
export function departmentsIn(...values: unknown[]): Set<string> {
  const found = new Set<string>();
  renameDepartments(values, (department) => {
    found.add(department);
    return department;
  });
  return found;
}

/** Plain data as the marts give it (objects and arrays), not a Date, a Map or anything with a class of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `data` with the value of each `department` field (the marts' name for a department, in every
 * row type the pages read) at any depth replaced by `rename` of it. The data given is not
 * changed; what keeps every name comes back as it is (the same object).
 */
function renameDepartments<T>(data: T, rename: (department: string) => string): T {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(visit);
      return items.every((item, i) => item === value[i]) ? value : items;
    }
    if (!isPlainObject(value)) return value;
    let changed = false;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      const shown = key === 'department' && typeof field === 'string' ? rename(field) : visit(field);
      if (shown !== field) changed = true;
      copy[key] = shown;
    }
    return changed ? copy : value;
  };
  return visit(data) as T;
}

/**
 * A page's data with every department named in the page's language: each `department` field at
 * any depth (renameDepartments) becomes its name in `language` where `names` knows it. The rule is
 * mart_department_page_names' (a department's own-language page keeps the hospital's name). Keys
 * made from names (joins, sorting) stay consistent, as every copy of a name changes alike.
 *
 * @example inPageLanguage({ rows: [{ department: 'Khoa Nhi', received: 3 }] }, names, 'zh') // { rows: [{ department: '儿科', received: 3 }] }
 */
export function inPageLanguage<T>(data: T, names: DepartmentNames, language: Language): T {
  return renameDepartments(data, (department) => names.get(department)?.[language] ?? department);
}
