-- Grain: one row per non-blank line of the JSON Lines file at $path, with its line number and
-- whether it holds a JSON object: read as lines first, so that a broken line is quarantined with
-- its number instead of failing the file (pipeline/ingest/read-raw.ts).
create or replace temp table raw_lines as
with file as (
    select string_split(replace(content, chr(13), ''), chr(10)) as lines from read_text($path)
),
numbered as (
    select unnest(generate_series(1, len(lines))) as file_line, unnest(lines) as line from file
)
select file_line::integer as file_line, line,
       case when json_valid(line) then json_type(line) = 'OBJECT' else false end as is_object
from numbered
where trim(line) <> ''
order by file_line;
