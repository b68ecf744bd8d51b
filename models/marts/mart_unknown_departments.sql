-- Grain: one row per hospital per department name that resolved to no known department; `department` is the
-- name as written, redacted (dim_department), which is what the report shows.
create or replace table mart_unknown_departments as
with feedback as (
    select hospital, department_raw, count(*) as records from feedback_records group by all
),

surveys as (
    select hospital, department_raw, count(*) as records from survey_responses group by all
),

final as (
    select
        dim.hospital,
        dim.department_raw,
        dim.department,
        coalesce(feedback.records, 0)::integer as feedback_records,
        coalesce(surveys.records, 0)::integer as survey_responses
    from dim_department as dim
    left join feedback using (hospital, department_raw)
    left join surveys using (hospital, department_raw)
    where not dim.is_known
)

select * from final order by hospital, feedback_records + survey_responses desc, department_raw;
