-- Grain: one row per valid row of stg_feedback, with what loading it does to the warehouse:
-- `new` (a key not seen before), `replaced` (a changed version of a stored record), or `duplicate`
-- (the stored version is the same; or a later row of this file has the same key and wins; or the
-- stored version came from a file first read after this one). Variable file_order: the position of
-- this file's first reading, so that re-reading an old file never undoes a newer export.
create or replace temp table feedback_outcome as
with valid as (
    select * from stg_feedback where problem is null
),

ranked as (
    select *, row_number() over (partition by source, id order by file_row desc) as version_in_file
    from valid
),

stored as (
    select source, id, content_hash, file_id from feedback_records
),

final as (
    select
        ranked.* exclude (version_in_file, problem),
        case
            when ranked.version_in_file > 1 then 'duplicate'
            when stored.id is null then 'new'
            when stored.content_hash = ranked.content_hash then 'duplicate'
            when stored.file_id > getvariable('file_order') then 'duplicate'
            else 'replaced'
        end as outcome
    from ranked
    left join stored on stored.source = ranked.source and stored.id = ranked.id
)

select * from final;
