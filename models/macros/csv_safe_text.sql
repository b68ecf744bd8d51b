-- A text value as every published CSV holds it (OWASP, "CSV Injection"): a value that begins with a
-- character a spreadsheet takes as the start of a formula (= + - @, tab, carriage return, and their
-- full-width forms, which some spreadsheets fold to the ASCII ones) gets a leading apostrophe, so it
-- is shown as text and never run. Numeric columns are not passed through it: numbers stay numbers.
-- The same rule for CSVs written from TypeScript is neutralizeFormula (pipeline/publish/csv-cell.ts).
create or replace macro csv_safe_text(value) as
    case when regexp_matches(value, '^[=+\-@\t\r＝＋－＠]') then '''' || value else value end;
