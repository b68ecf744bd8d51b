-- Grain: one row per distinct (source, response_id) among the valid rows of stg_survey, with the
-- row that stands for it and its outcome; the rules are those of int_feedback_outcome.
create or replace temp table survey_outcome as
with valid as (
    select file_row, source, response_id, content_hash from stg_survey where problem is null
),

last_rows as (
    select source, response_id, max(file_row) as file_row from valid group by source, response_id
),

stored as (
    select source, response_id, content_hash, file_id from survey_responses
),

final as (
    select
        last_rows.file_row,
        case
            when stored.response_id is null then 'new'
            when stored.content_hash = valid.content_hash then 'duplicate'
            when stored.file_id > getvariable('file_order') then 'duplicate'
            else 'replaced'
        end as outcome
    from last_rows
    inner join valid using (file_row)
    left join stored on stored.source = last_rows.source and stored.response_id = last_rows.response_id
)

select * from final;
