import picomatch from 'picomatch';
import type { ColumnMapping, ColumnSource } from '../config.ts';
import { quoteIdentifier, quoteLiteral } from '../db.ts';
import type { FileRejection } from './file-rejection.ts';
import { RECORD_ORDINAL } from './read-raw.ts';
import {
  FEEDBACK_COLUMNS, FEEDBACK_REQUIRED, QUESTION_COLUMN, SURVEY_COLUMNS, SURVEY_REQUIRED,
  kindOfHeader, normalizeHeader, type RecordKind,
} from './contract.ts';

/** How the rows of one file become the contract's columns (the temp table input_rows). */
export interface ColumnPlan {
  kind: RecordKind;
  mapping: string | null;
  /** SQL select list over raw_rows: `_row` and one text column per contract column. */
  selectList: string;
  /** Columns of the file that no contract column reads. */
  ignoredColumns: string[];
}

export type PlanResult = { ok: true; plan: ColumnPlan } | { ok: false; kind: RecordKind | 'unknown'; rejection: FileRejection };

/** The mapping that applies to a file: the first whose globs match its path or whose columns it has. */
export function findMapping(relativePath: string, headers: readonly string[], mappings: readonly ColumnMapping[]): ColumnMapping | null {
  const names = new Set(headers.map(normalizeHeader));
  for (const mapping of mappings) {
    if (mapping.files?.some((glob) => picomatch(glob, { dot: true })(relativePath))) return mapping;
    if (mapping.when_columns?.every((column) => names.has(normalizeHeader(column)))) return mapping;
  }
  return null;
}

const trimmed = (expression: string) => `nullif(trim(${expression}), '')`;

/** Free text is kept exactly as written (the staging models treat blank text as empty). */
const FREE_TEXT = new Set(['text', 'comment']);



/**
 * Plans the select list that turns a file's own columns into the contract's: through the mapping
 * when one applies, else by the contract's column names. A file that lacks a required column, or
 * whose mapping names a column it does not have, is rejected with a reason (file-rejection.ts).
 */
export function planColumns(
  relativePath: string,
  headers: readonly string[],
  mappings: readonly ColumnMapping[],
  position: string = `(${RECORD_ORDINAL} + 1)`,
): PlanResult {
  const originalByName = new Map<string, string>();
  for (const header of headers) {
    const name = normalizeHeader(header);
    if (!originalByName.has(name)) originalByName.set(name, header);
  }
  const mapping = findMapping(relativePath, headers, mappings);
  const headerKind = kindOfHeader(headers);
  if (!mapping && headerKind === 'both') {
    return { ok: false, kind: 'unknown', rejection: { reason: 'rejection.bothKinds' } };
  }
  const kind = mapping?.kind ?? headerKind;
  if (kind === null || kind === 'both') {
    return { ok: false, kind: 'unknown', rejection: { reason: 'rejection.noKind' } };
  }

  const sources = new Map<string, ColumnSource>();
  const contractColumns: readonly string[] = kind === 'feedback' ? FEEDBACK_COLUMNS : SURVEY_COLUMNS;
  const questionColumns = new Set<string>();
  for (const name of originalByName.keys()) {
    if (contractColumns.includes(name)) sources.set(name, name);
    if (kind === 'survey' && QUESTION_COLUMN.test(name)) {
      questionColumns.add(name);
      sources.set(name, name);
    }
  }
  for (const [target, source] of Object.entries(mapping?.columns ?? {})) {
    const name = normalizeHeader(target);
    if (!contractColumns.includes(name) && !(kind === 'survey' && QUESTION_COLUMN.test(name))) {
      const reason = kind === 'feedback' ? 'rejection.notFeedbackColumn' : 'rejection.notSurveyColumn';
      return { ok: false, kind, rejection: { reason, values: { mapping: mapping?.name ?? '', column: target } } };
    }
    if (QUESTION_COLUMN.test(name)) questionColumns.add(name);
    sources.set(name, source);
  }

  const required: readonly string[] = kind === 'feedback' ? FEEDBACK_REQUIRED : SURVEY_REQUIRED;
  const missing = required.filter((name) => !sources.has(name));
  if (missing.length > 0) {
    return { ok: false, kind, rejection: { reason: missing.length > 1 ? 'rejection.missingColumns' : 'rejection.missingColumn', values: { columns: missing.join(', ') } } };
  }
  if (kind === 'survey' && questionColumns.size === 0) {
    return { ok: false, kind, rejection: { reason: 'rejection.noAnswerColumn' } };
  }

  const used = new Set<string>();
  const column = (name: string): string => {
    const original = originalByName.get(normalizeHeader(name));
    if (original === undefined) throw new MissingColumn(name);
    used.add(original);
    return quoteIdentifier(original);
  };
  const expression = (source: ColumnSource): string => {
    if (typeof source === 'string') return trimmed(column(source));
    if ('column' in source) {
      const value = `trim(${column(source.column)})`;
      const cases = Object.entries(source.values ?? {}).map(([from, to]) => `when ${quoteLiteral(from)} then ${quoteLiteral(to)}`);
      return cases.length === 0 ? trimmed(value) : `nullif(case ${value} ${cases.join(' ')} else ${value} end, '')`;
    }
    if ('value' in source) return quoteLiteral(source.value);
    if ('join' in source) {
      const parts = source.join.map((name) => trimmed(column(name)));
      return `nullif(concat_ws(${quoteLiteral(source.separator)}, ${parts.join(', ')}), '')`;
    }
    // the record's place among the records: stable whatever title rows sit above the header
    return `${RECORD_ORDINAL}::varchar`;
  };

  try {
    const targets = [...contractColumns, ...[...questionColumns].sort()];
    const list = targets.map((name) => {
      const source = sources.get(name);
      const value =
        source === undefined ? 'null::varchar' : typeof source === 'string' && FREE_TEXT.has(name) ? column(source) : expression(source);
      return `${value} as ${quoteIdentifier(name)}`;
    });
    const selectList = [`${position}::integer as _row`, ...list].join(',\n    ');
    const ignoredColumns = headers.filter((header) => !used.has(header));
    return { ok: true, plan: { kind, mapping: mapping?.name ?? null, selectList, ignoredColumns } };
  } catch (error) {
    if (error instanceof MissingColumn) {
      return { ok: false, kind, rejection: { reason: 'rejection.mappingNoColumn', values: { mapping: mapping?.name ?? '', column: error.column } } };
    }
    throw error;
  }
}

class MissingColumn extends Error {
  constructor(readonly column: string) {
    super(`no column ${column}`);
  }
}
