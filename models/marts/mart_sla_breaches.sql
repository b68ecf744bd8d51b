-- Grain: one row per complaint open at the end of the as-of date and past its due date (see
-- int_open_complaints): what the warning stage turns into `sla_breach` warnings. due_at is the
-- end of the due date, hospital-local; working_days_overdue counts the working days after it up to
-- and including the as-of date.
create or replace table mart_sla_breaches as
with breaches as (
    select * from int_open_complaints where is_past_due
),

feedback as (
    select hospital, source, id, department, department_code, category, status from fct_feedback
),

final as (
    select
        breaches.hospital,
        breaches.source,
        breaches.id,
        feedback.department,
        feedback.department_code,
        feedback.category,
        feedback.status,
        breaches.received_at,
        breaches.due_at,
        breaches.working_days_overdue,
        breaches.as_of,
        breaches.calendar,
        breaches.sla_category,
        breaches.sla_working_days,
        breaches.due_date,
        breaches.age_working_days
    from breaches
    inner join feedback
        on feedback.hospital = breaches.hospital and feedback.source = breaches.source and feedback.id = breaches.id
)

select * from final
order by working_days_overdue desc, received_at, hospital, source, id;
