import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../db.ts';
import type { FixesFileReport } from '../fixes/fixes.ts';
import type { NotRead } from '../ingest/discover.ts';
import type { FileRejection } from '../ingest/file-rejection.ts';
import type { FileReport } from '../ingest/ingest.ts';
import type { TextSummary } from '../text/stage.ts';

/** The run summary of contract section 6, with the data-quality findings people act on. */
export interface RunSummary {
  run_id: string;
  generated_at: string;
  as_of: string;
  files: FileReport[];
  /** The files of `not_read` that are not tables: what earlier versions listed here. */
  ignored_files: string[];
  /** Every entry of the input folder that was not read, with the reason. */
  not_read: NotRead[];
  totals: { rows_read: number; loaded: number; duplicates: number; quarantined: number };
  records_in_warehouse: { feedback: number; survey: number; total: number };
  data_quality: DataQuality;
  /** The text stage: records read this run, languages, and how missing categories were inferred. */
  text: TextSummary;
  /** The hospitals' fixes files (pipeline/fixes): rows reviewed, rows quarantined and why; optional for summaries written elsewhere. */
  fixes?: FixesFileReport[];
}

/** A known department an unknown name likely means: a row for department_aliases.csv (`name as written`, `code`). */
export interface DepartmentSuggestion {
  code: string;
  /** The department's name in the language the unknown name is written in. */
  name: string;
  method: 'prefix' | 'abbreviation' | 'edit_distance';
}

/** Per hospital (contract section 1): each line names the hospital it is about. */
export interface DataQuality {
  /**
   * Quarantined rows in the warehouse by hospital and reason (its English wording and its code,
   * see pipeline/quarantine-reasons.ts), with up to five places each (file, row or line).
   */
  quarantine_by_reason: { hospital: string; reason: string; reason_code: string; rows: number; examples: { path: string; row: number | null; line: number | null }[] }[];
  /** With the known departments each likely means (mart_department_alias_suggestions), best first; empty where none. */
  unknown_departments: { hospital: string; name: string; feedback_records: number; survey_responses: number; suggestions: DepartmentSuggestion[] }[];
  unrecognised_values: { hospital: string; field: string; value: string; records: number }[];
}

export function totalsOf(files: readonly FileReport[]): RunSummary['totals'] {
  const sum = (key: 'rows_read' | 'loaded' | 'duplicates' | 'quarantined') => files.reduce((total, f) => total + f[key], 0);
  return { rows_read: sum('rows_read'), loaded: sum('loaded'), duplicates: sum('duplicates'), quarantined: sum('quarantined') };
}

export async function warehouseCounts(connection: DuckDBConnection): Promise<RunSummary['records_in_warehouse']> {
  const [row] = await queryRows<{ feedback: number; survey: number }>(
    connection,
    'select (select count(*) from feedback_records) as feedback, (select count(*) from survey_responses) as survey',
  );
  const feedback = row?.feedback ?? 0;
  const survey = row?.survey ?? 0;
  return { feedback, survey, total: feedback + survey };
}

/** What a file report (an input file's or a fixes file's) brought in as read: its path, its error and the names its rejection quotes. */
interface ReadFileReport {
  path: string;
  error?: string;
  rejection?: FileRejection;
}

/** The strings of a file report that came from the input folder: its path, its error, the names its rejection quotes. */
function readStrings(file: ReadFileReport): string[] {
  return [file.path, ...(file.error === undefined ? [] : [file.error]), ...Object.values(file.rejection?.values ?? {})];
}

/** A file report with its path, error and rejection's names given by `r`. */
function withRedacted<T extends ReadFileReport>(file: T, r: (value: string) => string): T {
  return {
    ...file,
    path: r(file.path),
    ...(file.error === undefined ? {} : { error: r(file.error) }),
    ...(file.rejection?.values === undefined ? {} : { rejection: { ...file.rejection, values: Object.fromEntries(Object.entries(file.rejection.values).map(([name, value]) => [name, r(value)])) } }),
  };
}

/**
 * The files' lines as the summary publishes them: every string a file brought in (its path, with
 * folder names, its error and the names its rejection quotes, its ignored column names), the same
 * of each fixes file, and the paths of the entries not read (and of their link targets), redacted
 * in one query by redact_pii (models/macros/redact_pii.sql), the definition the data is redacted
 * by. Run after the plan's warehouse stage, which creates the macro.
 * @example await publishedFiles(connection, [{ path: '13812345678.csv', ... }], [], []) // { files: [{ path: '[phone].csv', ... }], ... }
 */
export async function publishedFiles(
  connection: DuckDBConnection,
  files: readonly FileReport[],
  notRead: readonly NotRead[],
  fixes: readonly FixesFileReport[],
): Promise<{ files: FileReport[]; notRead: NotRead[]; fixes: FixesFileReport[] }> {
  const strings = [
    ...new Set([
      ...files.flatMap((f) => [...readStrings(f), ...(f.ignored_columns ?? [])]),
      ...fixes.flatMap(readStrings),
      ...notRead.flatMap((entry) => [entry.path, ...(entry.target === undefined ? [] : [entry.target])]),
    ]),
  ];
  // an empty input folder: nothing to redact, and DuckDB cannot bind an empty list of no type
  if (strings.length === 0) return { files: [], notRead: [], fixes: [] };
  const rows = await queryRows<{ value: string; redacted: string }>(
    connection,
    'select value, redact_pii(value) as redacted from unnest($values::varchar[]) as v(value)',
    { values: listValue(strings) },
  );
  const redacted = new Map(rows.map((row) => [row.value, row.redacted]));
  // every string was in the query; an empty string, never the original, if one somehow was not
  const r = (value: string) => redacted.get(value) ?? '';
  return {
    files: files.map((f) => ({ ...withRedacted(f, r), ...(f.ignored_columns === undefined ? {} : { ignored_columns: f.ignored_columns.map(r) }) })),
    notRead: notRead.map((entry) => ({ ...entry, path: r(entry.path), ...(entry.target === undefined ? {} : { target: r(entry.target) }) })),
    fixes: fixes.map((f) => withRedacted(f, r)),
  };
}

/** Reads the data-quality marts (mart_quarantine, mart_unknown_departments, mart_department_alias_suggestions, mart_unrecognised_values, mart_quarantine_by_reason) for the summary and the site. */
export async function readDataQuality(connection: DuckDBConnection): Promise<DataQuality> {
  const reasons = await queryRows<DataQuality['quarantine_by_reason'][number]>(
    connection,
    'select hospital, reason, reason_code, rows, examples from mart_quarantine_by_reason order by rows desc, reason, hospital',
  );
  const departments = await queryRows<Omit<DataQuality['unknown_departments'][number], 'suggestions'>>(
    connection,
    'select hospital, department as name, feedback_records, survey_responses from mart_unknown_departments order by feedback_records + survey_responses desc, department_raw, hospital',
  );
  const suggestions = await queryRows<DepartmentSuggestion & { hospital: string; alias: string }>(
    connection,
    'select hospital, alias, code, name, method from mart_department_alias_suggestions order by hospital, alias, code',
  );
  const suggested = (hospital: string, name: string): DepartmentSuggestion[] =>
    suggestions.filter((row) => row.hospital === hospital && row.alias === name).map(({ code, name: shown, method }) => ({ code, name: shown, method }));
  const values = await queryRows<DataQuality['unrecognised_values'][number]>(
    connection,
    'select hospital, field, value_redacted as value, records from mart_unrecognised_values order by field, records desc, value_raw, hospital',
  );
  return {
    quarantine_by_reason: reasons,
    unknown_departments: departments.map((row) => ({ ...row, suggestions: suggested(row.hospital, row.name) })),
    unrecognised_values: values,
  };
}
