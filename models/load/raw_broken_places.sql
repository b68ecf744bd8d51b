-- Grain: one row per broken row of a CSV file (raw_broken): how many records come before it, so a
-- record's row as a spreadsheet shows it counts the broken rows above it (pipeline/ingest/read-raw.ts).
-- A broken row is known by its line, which is also its spreadsheet row while no record before it
-- spans several lines. $first_data_row: the file's first row under the header, 1-based.
create or replace temp table raw_broken_places as
select file_line - $first_data_row - (row_number() over (order by file_line) - 1) as records_before
from raw_broken;
