-- Grain: one row per complaint and each cell of the early-warning series it counts in
-- (pipeline/warnings/detector-warnings.ts):
--   spike          its department × category ('other' when it has none), and its category hospital-wide;
--   hotspot        its location, as written;
--   emerging_term  each issue term it holds (int_alert_issue_terms).
-- Only complaints count: praise, questions and suggestions are not problems piling up.
-- Every cell is one hospital's (contract section 1): two hospitals, even writing the same language,
-- never share a cell, a series or a warning.
-- A cell's `population` is whose first day its series starts on (int_alert_cell_days'
-- series_start): its department's, or for a place, a word or a category, the hospital's first
-- complaint. From then on a quiet day counts 0, and a department that appears later is not
-- compared with weeks before it existed. A place or a word nobody wrote before counts 0 back to
-- the hospital's first day: a new place with five complaints is a hotspot.
-- Listed are only the complaints a run counts or reads again: those of the days whose inputs
-- changed (int_alert_changed_days) and those received from getvariable('alert_records_from') on,
-- the windows judged, whose signals' complaints alert_signal_records reads; and of every other
-- complaint its cells of the words that entered the issue terms (int_alert_changed_terms).
-- `recount`: the row is counted again into int_alert_cell_days (store_alert_cell_days).
-- With getvariable('alert_records_cells') (a list of cells; null: every cell), only those cells'
-- rows: the named cells of a run's warnings, whose year before is their words' baseline
-- (alert_group_baseline_terms), where every cell's would list a year of complaints' words.
-- A temp table: only this run's detect stage reads it, so it is never written to the warehouse
-- file; the stored table a warehouse from before kept is dropped (on a later call in the same
-- session this drops the temp table the call before made).
drop table if exists int_alert_cell_records;
create or replace temp table int_alert_cell_records as
with complaints as (
    select
        feedback.hospital,
        feedback.source,
        feedback.id,
        feedback.received_at::date as day,
        feedback.department,
        coalesce(feedback.category, 'other') as category,
        nullif(trim(feedback.location), '') as location,
        feedback.lang,
        changed.day is not null as day_changed
    from fct_feedback as feedback
    left join int_alert_changed_days as changed
        on changed.hospital is not distinct from feedback.hospital and changed.day = feedback.received_at::date
    where feedback.kind = 'complaint'
),

listed as (
    select * from complaints where day_changed or day >= getvariable('alert_records_from')::date
),

entered_terms as (
    select lang, term from int_alert_changed_terms where entered
),

-- the words of the word cells asked for, when only some cells are (a cell is ["term", lang, word])
asked_terms as (
    select list(json_extract_string(cell, '$[2]')) as terms
    from (select unnest(getvariable('alert_records_cells')::varchar[]) as cell)
    where json_extract_string(cell, '$[0]') = 'term'
),

-- the terms of each complaint (fct_record_terms' rows), unnested after the join so that only the
-- listed complaints' lists are read: every term of a listed complaint, of another only the entered;
-- none at all when only cells are asked for and no word's among them (their lists are not read)
complaint_terms as (
    select listed.hospital, listed.source, listed.id, listed.day, listed.lang, listed.day_changed, unnest(analyses.terms) as term
    from (select * from listed where getvariable('alert_records_cells') is null or (select terms from asked_terms) is not null) as listed
    inner join text_analyses as analyses using (hospital, source, id)
    where getvariable('alert_records_cells') is null or list_has_any(analyses.terms, (select terms from asked_terms))
    union all
    select others.*
    from (
        select complaints.hospital, complaints.source, complaints.id, complaints.day, complaints.lang, complaints.day_changed, unnest(analyses.terms) as term
        from complaints
        inner join text_analyses as analyses using (hospital, source, id)
        where not (complaints.day_changed or complaints.day >= getvariable('alert_records_from')::date)
            and exists (select 1 from entered_terms)
    ) as others
    semi join entered_terms using (lang, term)
),

-- a cell and its population are named by a JSON array of their parts (dimension first), so no
-- department, place or word can run into the next part, whatever characters it holds
cells as (
    select 'spike' as kind, to_json(['department', department, category])::varchar as cell, to_json(['department', department])::varchar as population, hospital, source, id, day, day_changed as recount
    from listed
    where department is not null
    union all
    select 'spike', to_json(['category', category])::varchar, to_json(['hospital'])::varchar, hospital, source, id, day, day_changed
    from listed
    union all
    select 'hotspot', to_json(['location', location])::varchar, to_json(['hospital'])::varchar, hospital, source, id, day, day_changed
    from listed
    where location is not null
    union all
    select distinct 'emerging_term', issue_terms.cell, to_json(['hospital'])::varchar, terms.hospital, terms.source, terms.id, terms.day, terms.day_changed or entered_terms.term is not null
    from complaint_terms as terms
    inner join int_alert_issue_terms as issue_terms using (lang, term)
    left join entered_terms using (lang, term)
)

select * from cells
where getvariable('alert_records_cells') is null or list_contains(getvariable('alert_records_cells')::varchar[], cell);
