-- Grain: one row per distinct (source, id) among the valid rows of stg_feedback: the row that
-- stands for the key in this file (the last one; earlier rows with the same key are superseded
-- and count as duplicates) and what loading it does: `new` (a key not seen before), `replaced`
-- (a changed version of a stored record), or `duplicate` (the stored version is the same, or came
-- from a file first read after this one). Variable file_order: the position of this file's first
-- reading, so that re-reading an old file never undoes a newer export.
create or replace temp table feedback_outcome as
with valid as (
    select file_row, source, id, content_hash from stg_feedback where problem is null
),

last_rows as (
    select source, id, max(file_row) as file_row from valid group by source, id
),

stored as (
    select source, id, content_hash, file_id from feedback_records
),

final as (
    select
        last_rows.file_row,
        case
            when stored.id is null then 'new'
            when stored.content_hash = valid.content_hash then 'duplicate'
            when stored.file_id > getvariable('file_order') then 'duplicate'
            else 'replaced'
        end as outcome
    from last_rows
    inner join valid using (file_row)
    left join stored on stored.source = last_rows.source and stored.id = last_rows.id
)

select * from final;
