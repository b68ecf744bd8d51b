-- One of the warehouse's own tables (models/landing/, run in the order pipeline/plan.ts lists them):
-- created once; later runs only add to it, each file inside one transaction, so a run killed at
-- any moment leaves it as the last committed file left it.

-- Grain: one row per input row held back, with the first reason found.
create table if not exists quarantine (
    file_id integer not null,
    file_row integer,                   -- data row number in the file (1 = first row under the header)
    file_line integer,                  -- physical line, for rows the CSV reader could not parse
    column_name varchar,
    reason varchar not null,
    value varchar,                      -- the offending value, cut to 200 characters
    hospital varchar                    -- the row's, where it names one, else its file's
);
alter table quarantine add column if not exists hospital varchar;
