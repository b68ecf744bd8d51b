-- Grain: one row per hospital per department (as that hospital names it, dim_department) the warehouse knows (the same name
-- in two hospitals is two departments, two packs), with what its alert pack's
-- file name is made from and the feedback records it received in the 12 months up to the as-of
-- date (pipeline/publish writes a pack for each department with such records or a warning).
-- A code names one department in each language (emergency: 急诊科, Khoa Cấp cứu, Emergency
-- Department), so the file name also needs the language of the name shown: name_lang (null for
-- an unknown name).
-- Variable: as_of (YYYY-MM-DD).
create or replace table mart_department_packs as
with as_of as (
    select getvariable('as_of')::date as as_of_date
),

departments as (
    select distinct hospital, department, department_code, name_lang from dim_department
),

recent as (
    select fct_feedback.hospital, fct_feedback.department, count(*) as feedback_records_12_months
    from fct_feedback
    cross join as_of
    where fct_feedback.received_at::date > as_of.as_of_date - interval 12 months
        and fct_feedback.received_at::date <= as_of.as_of_date
    group by fct_feedback.hospital, fct_feedback.department
),

final as (
    select
        departments.hospital,
        departments.department,
        departments.department_code,
        departments.name_lang,
        coalesce(recent.feedback_records_12_months, 0)::integer as feedback_records_12_months
    from departments
    left join recent on recent.hospital = departments.hospital and recent.department = departments.department
)

select * from final
order by hospital, department;
