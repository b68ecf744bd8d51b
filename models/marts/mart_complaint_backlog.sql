-- Grain: one row per hospital per department with complaints open at the end of the as-of date,
-- and the hospital's `ALL` (present for every hospital with complaints, zeros when nothing is open): the open complaints by age in working days of
-- their hospital's calendar (0-3, 4-7, 8-15, over 15; see int_open_complaints) and how many are
-- past their due date. The bands follow complaint_sla.csv's defaults (3, 7 and 15 working days).
-- status_replied and status_escalated count the open ones whose current status is `replied`
-- (answered, not closed) or `escalated`. Complaints `referred` to an outside authority are off the
-- department's clock and not counted here (mart_open_cases lists them apart).
create or replace table mart_complaint_backlog as
with open_complaints as (
    select hospital, source, id, as_of, age_working_days, is_past_due from int_open_complaints where on_department_clock
),

feedback as (
    select hospital, source, id, department, status from fct_feedback
),

hospitals as (
    select distinct hospital from fct_feedback where kind = 'complaint'
),

aged as (
    select feedback.department, feedback.status, open_complaints.*
    from open_complaints
    inner join feedback
        on feedback.hospital = open_complaints.hospital and feedback.source = open_complaints.source and feedback.id = open_complaints.id
),

counted as (
    select
        hospital,
        case when grouping(department) = 1 then 'ALL' else department end as department,
        count(*) as open_complaints,
        count(*) filter (where age_working_days <= 3) as open_0_3_working_days,
        count(*) filter (where age_working_days between 4 and 7) as open_4_7_working_days,
        count(*) filter (where age_working_days between 8 and 15) as open_8_15_working_days,
        count(*) filter (where age_working_days > 15) as open_over_15_working_days,
        count(*) filter (where is_past_due) as past_due,
        count(*) filter (where status = 'replied') as status_replied,
        count(*) filter (where status = 'escalated') as status_escalated,
        max(age_working_days) as oldest_working_days
    from aged
    group by grouping sets ((hospital, department), (hospital))
),

-- a hospital with nothing open still has its `ALL` row
every_hospital as (
    select counted.*
    from counted
    union all
    select hospitals.hospital, 'ALL', 0, 0, 0, 0, 0, 0, 0, 0, null
    from hospitals
    anti join counted on counted.hospital = hospitals.hospital and counted.department = 'ALL'
),

final as (
    select
        hospital,
        getvariable('as_of')::date as as_of,
        department,
        open_complaints::integer as open_complaints,
        open_0_3_working_days::integer as open_0_3_working_days,
        open_4_7_working_days::integer as open_4_7_working_days,
        open_8_15_working_days::integer as open_8_15_working_days,
        open_over_15_working_days::integer as open_over_15_working_days,
        past_due::integer as past_due,
        status_replied::integer as status_replied,
        status_escalated::integer as status_escalated,
        oldest_working_days::integer as oldest_working_days
    from every_hospital
)

select * from final
order by hospital, department = 'ALL' desc, department;
