-- Grain: one row per hospital in the warehouse (contract section 1: a hospital, campus or member
-- of a group), with its feedback records and survey responses. Everything counted is per hospital;
-- a group view compares the rows of this table.
create or replace table dim_hospital as
with feedback as (
    select hospital, count(*) as records from feedback_records group by hospital
),

surveys as (
    select hospital, count(*) as responses from survey_responses group by hospital
),

final as (
    select
        hospital,
        coalesce(feedback.records, 0)::integer as feedback_records,
        coalesce(surveys.responses, 0)::integer as survey_responses
    from feedback
    full join surveys using (hospital)
)

select * from final
order by hospital;
