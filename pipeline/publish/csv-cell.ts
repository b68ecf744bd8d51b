/**
 * The start of a cell that a spreadsheet runs as a formula (OWASP, "CSV Injection"): = + - @, tab
 * and carriage return, and their full-width forms, which some spreadsheets fold to the ASCII ones.
 * The same rule for the DuckDB exports is the macro csv_safe_text (models/macros/csv_safe_text.sql).
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * A text value made safe to open in a spreadsheet: a leading apostrophe when it begins like a
 * formula, so that it shows as text and never runs.
 *
 * @example neutralizeFormula('=HYPERLINK("http://x")') // `'=HYPERLINK("http://x")`
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell (RFC 4180) as hearken publishes it: text through neutralizeFormula and quoted when
 * it holds a comma, quote or line break; a number as written (a negative number stays a number);
 * null and non-finite numbers blank.
 *
 * @example [csvCell('-1 star, awful'), csvCell(-1), csvCell(null)] // [`"'-1 star, awful"`, '-1', '']
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quoteCsvField(neutralizeFormula(value));
}

/**
 * A text as one CSV field (RFC 4180, §2): in double quotes, its quotes doubled, when it holds a
 * comma, quote or line break; else as it is. No formula rule: for files that must keep their text
 * exactly as written, such as the sample's imitations of hospital exports.
 *
 * @example [quoteCsvField('a, "b"'), quoteCsvField('=1')] // ['"a, ""b"""', '=1']
 */
export function quoteCsvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
