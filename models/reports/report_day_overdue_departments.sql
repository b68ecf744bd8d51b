-- Grain: one row per day of the daily bulletins per department with complaints open at the end of
-- that day and past their due date (as int_open_complaints counts them on its as-of date:
-- received on or before the day, not resolved by its end, due before it): how many, and the most
-- working days one of them is overdue (working days of its calendar after the due date up to and
-- including the day). A complaint is overdue on each day from the day after its due date to the
-- day before it was resolved, so each is expanded over those days only. Variables:
-- report_first_day, as_of.
create or replace temp table report_day_overdue_departments as
with working_days as (
    select calendar, day, working_day_index from int_working_days
),

deadlines as (
    select
        source,
        id,
        calendar,
        due_date,
        greatest(due_date + 1, getvariable('report_first_day')::date) as first_overdue_day,
        least(coalesce(resolved_at::date - 1, getvariable('as_of')::date), getvariable('as_of')::date) as last_overdue_day
    from report_complaint_deadlines
    where due_date is not null
),

feedback as (
    select source, id, department from report_feedback
),

overdue as (
    select
        feedback.department,
        deadlines.calendar,
        due_day.working_day_index as due_working_day_index,
        unnest(generate_series(deadlines.first_overdue_day, deadlines.last_overdue_day, interval 1 day))::date as day
    from deadlines
    inner join feedback on feedback.source = deadlines.source and feedback.id = deadlines.id
    inner join working_days as due_day on due_day.calendar = deadlines.calendar and due_day.day = deadlines.due_date
    where deadlines.first_overdue_day <= deadlines.last_overdue_day
),

counted as (
    select day, department, calendar, count(*) as overdue, min(due_working_day_index) as earliest_due_working_day_index
    from overdue
    group by all
),

final as (
    select
        strftime(counted.day, '%Y-%m-%d') as day,
        counted.department,
        sum(counted.overdue)::integer as overdue,
        max(today.working_day_index - counted.earliest_due_working_day_index)::integer as most_working_days_overdue
    from counted
    inner join working_days as today on today.calendar = counted.calendar and today.day = counted.day
    group by counted.day, counted.department
)

select * from final;
