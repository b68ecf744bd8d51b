-- Grain: one row per complaint and each cell of the early-warning series it counts in
-- (pipeline/warnings/detector-warnings.ts):
--   spike          its department × category ('other' when it has none), and its category hospital-wide;
--   hotspot        its location, as written;
--   emerging_term  each issue term it holds (dim_term.names_issue, the rule of the high-frequency
--                  issues), seen in 5 records or more.
-- Only complaints count: praise, questions and suggestions are not problems piling up.
-- Every cell is one hospital's (contract section 1): two hospitals, even writing the same language,
-- never share a cell, a series or a warning.
-- `series_start` is the day the cell's population first appears in its hospital (its department;
-- for a place, a word or a category, the hospital's first complaint): from then on a quiet day
-- counts 0, and a department that appears later is not compared with weeks before it existed. A
-- place or a word nobody wrote before counts 0 back to the hospital's first day: a new place with
-- five complaints is a hotspot.
-- A temp table: only this run's detect stage reads it (8M rows at 1M records), so it is never
-- written to the warehouse file; the stored table a warehouse from before kept is dropped (on a
-- later call in the same session this drops the temp table the call before made).
drop table if exists int_alert_cell_records;
create or replace temp table int_alert_cell_records as
with complaints as (
    select
        hospital,
        source,
        id,
        received_at::date as day,
        department,
        coalesce(category, 'other') as category,
        nullif(trim(location), '') as location,
        lang
    from fct_feedback
    where kind = 'complaint'
),

issue_terms as (
    select lang, term
    from dim_term
    where records >= 5 and names_issue
),

-- a cell and its population are named by a JSON array of their parts (dimension first), so no
-- department, place or word can run into the next part, whatever characters it holds
cells as materialized (
    select 'spike' as kind, to_json(['department', department, category])::varchar as cell, to_json(['department', department])::varchar as population, hospital, source, id, day
    from complaints
    where department is not null
    union all
    select 'spike', to_json(['category', category])::varchar, to_json(['hospital'])::varchar, hospital, source, id, day
    from complaints
    union all
    select 'hotspot', to_json(['location', location])::varchar, to_json(['hospital'])::varchar, hospital, source, id, day
    from complaints
    where location is not null
    union all
    select distinct 'emerging_term', to_json(['term', complaints.lang, terms.term])::varchar, to_json(['hospital'])::varchar, complaints.hospital, complaints.source, complaints.id, complaints.day
    from complaints
    join fct_record_terms as terms using (hospital, source, id)
    join issue_terms on issue_terms.lang = terms.lang and issue_terms.term = terms.term
),

-- each population's first day, grouped once rather than by a window sorting every cell row
series_starts as (
    select hospital, population, min(day) as series_start
    from cells
    group by hospital, population
)

select cells.kind, cells.cell, cells.hospital, cells.source, cells.id, cells.day, series_starts.series_start
from cells
inner join series_starts on series_starts.hospital is not distinct from cells.hospital and series_starts.population = cells.population;
