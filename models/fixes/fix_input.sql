-- Grain: one row per data row of the hospital's fixes files (fixes.csv, ...: the record of what
-- was fixed, 整改) as written, every value text; a row the reader could not parse has `broken`.
-- Read afresh by every run (pipeline/fixes/fixes.ts), like the reference tables: the file is
-- small and a hospital edits it in place.
create or replace temp table fix_input (
    path varchar not null,              -- relative to the input folder: its first folder names the hospital
    file_row integer,                   -- the row as a person finds it in the file
    broken boolean not null,
    hospital varchar,
    warning_id varchar,
    department varchar,
    category varchar,
    location varchar,
    keywords varchar,                   -- several separated by ; | , 、 ，
    fixed_on varchar,
    action varchar
);
