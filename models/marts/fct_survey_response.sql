-- Grain: one row per survey response (hospital, source, response_id), with its canonical department, how it was
-- taken (survey_mode, where its file says) and how many items it answered.
-- Incremental (pipeline/plan.ts): the rows of the responses in int_changed_records.
create or replace temp view fct_survey_response_changed as
with changed as (
    select hospital, source, id as response_id from int_changed_records where record_type = 'survey'
),

responses as (
    select * from survey_responses semi join changed using (hospital, source, response_id)
),

final as (
    select
        hospital,
        responses.source,
        responses.response_id,
        responses.submitted_at,
        departments.department,
        departments.department_code,
        departments.is_known as department_is_known,
        responses.patient_type::varchar as patient_type,
        responses.survey_mode,
        responses.overall,
        responses.recommend,
        coalesce(len(responses.answers), 0)::integer as items_answered,
        coalesce(responses.comment_redacted, responses.comment_raw) as comment_redacted
    from responses
    inner join dim_department as departments using (hospital, department_raw)
)

select * from final;
