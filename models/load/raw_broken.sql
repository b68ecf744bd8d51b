-- Grain: one row per row of the input file being read that could not be read as a record (a CSV
-- row the reader rejected, a JSON line that is no object, a line no encoding decodes), with its
-- quarantine reason code. Made empty for each file (pipeline/ingest/read-raw.ts), before raw_rows.
create or replace temp table raw_broken (
    file_row integer,                   -- data row, where the reader knows it
    file_line integer,                  -- physical line
    reason varchar,
    value varchar                       -- what the reader said, or the line, cut to 200 characters
);
