-- Grain: one row per day of the daily bulletins per complaint open at the end of that day and past
-- its due date, as int_open_complaints counts them on its as-of date: received on or before the
-- day, not resolved by its end, due before it. So a complaint is overdue on each day from the day
-- after its due date (or its day of receipt, if later) to the day before it was resolved. Newly
-- overdue: its due date is the day before, so the end of the previous day still found it in time.
-- working_days_overdue counts the working days of its calendar after the due date up to and
-- including the day. Resolutions are those the warehouse knows now, so a bulletin written again
-- later shows what was open as it is now known. Variables: report_first_day, as_of.
create or replace temp table report_day_overdue as
with deadlines as (
    select
        source,
        id,
        calendar,
        received_at,
        due_date,
        greatest(due_date + 1, received_at::date, getvariable('report_first_day')::date) as first_overdue_day,
        least(coalesce(resolved_at::date - 1, getvariable('as_of')::date), getvariable('as_of')::date) as last_overdue_day
    from report_complaint_deadlines
    where due_date is not null
),

feedback as (
    select source, id, department, category from report_feedback
),

working_days as (
    select calendar, day, working_day_index from int_working_days
),

overdue as (
    select *, unnest(generate_series(first_overdue_day, last_overdue_day, interval 1 day))::date as day
    from deadlines
    where first_overdue_day <= last_overdue_day
),

final as (
    select
        strftime(overdue.day, '%Y-%m-%d') as day,
        overdue.source,
        overdue.id,
        feedback.department,
        coalesce(feedback.category, 'other') as category,
        strftime(overdue.received_at, '%Y-%m-%d %H:%M') as received_at,
        strftime(overdue.due_date, '%Y-%m-%d') as due_date,
        overdue.due_date = overdue.day - 1 as newly_overdue,
        (today.working_day_index - due_day.working_day_index)::integer as working_days_overdue
    from overdue
    inner join feedback on feedback.source = overdue.source and feedback.id = overdue.id
    inner join working_days as today on today.calendar = overdue.calendar and today.day = overdue.day
    inner join working_days as due_day on due_day.calendar = overdue.calendar and due_day.day = overdue.due_date
)

select * from final;
