-- Grain: one row per valid row of stg_survey, with what loading it does to the warehouse; the
-- outcomes are those of int_feedback_outcome, keyed by (source, response_id).
create or replace temp table survey_outcome as
with valid as (
    select * from stg_survey where problem is null
),

ranked as (
    select *, row_number() over (partition by source, response_id order by file_row desc) as version_in_file
    from valid
),

stored as (
    select source, response_id, content_hash, file_id from survey_responses
),

final as (
    select
        ranked.* exclude (version_in_file, problem),
        case
            when ranked.version_in_file > 1 then 'duplicate'
            when stored.response_id is null then 'new'
            when stored.content_hash = ranked.content_hash then 'duplicate'
            when stored.file_id > getvariable('file_order') then 'duplicate'
            else 'replaced'
        end as outcome
    from ranked
    left join stored on stored.source = ranked.source and stored.response_id = ranked.response_id
)

select * from final;
