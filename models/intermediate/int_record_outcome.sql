-- Grain: one row per distinct (hospital, source, record_id) among the valid rows of the staged file, feedback
-- or survey alike: the row that stands for the key in this file (the last one; earlier rows with
-- the same key are superseded and count as duplicates) and what loading it does: `new` (a key not
-- seen before), `replaced` (a changed version of a stored record), or `duplicate` (the stored
-- version is the same, or came from a file first read after this one, so that re-reading an old
-- file never undoes a newer export). Variables: staged_table (stg_feedback or stg_survey),
-- stored_keys (the landing table's keys view) and file_order (this file's first reading).
create or replace temp table int_record_outcome as
with valid as (
    select file_row, hospital, source, record_id, content_hash
    from query_table(getvariable('staged_table'))
    where problem is null
),

last_rows as (
    select hospital, source, record_id, max(file_row) as file_row from valid group by hospital, source, record_id
),

stored as (
    select hospital, source, record_id, content_hash, file_id from query_table(getvariable('stored_keys'))
),

final as (
    select
        last_rows.file_row,
        case
            when stored.record_id is null then 'new'
            when stored.content_hash = valid.content_hash then 'duplicate'
            when stored.file_id > getvariable('file_order') then 'duplicate'
            else 'replaced'
        end as outcome
    from last_rows
    inner join valid using (file_row)
    left join stored
        on stored.hospital = last_rows.hospital and stored.source = last_rows.source and stored.record_id = last_rows.record_id
)

select * from final;
