-- Grain: one row per complaint that became overdue on a day of the daily bulletins: the day after
-- its due date, when it was still open at that day's end (not resolved by then), as
-- int_open_complaints judges "past due" on its as-of date. Resolutions are those the warehouse
-- knows now, so a bulletin written again later shows what was open as it is now known.
-- Variables: report_first_day, as_of.
create or replace temp table report_day_overdue as
with deadlines as (
    select source, id, received_at, due_date, due_date + 1 as day, resolved_at
    from report_complaint_deadlines
    where due_date is not null
),

feedback as (
    select source, id, department, category from report_feedback
),

newly_overdue as (
    select *
    from deadlines
    where day between getvariable('report_first_day')::date and getvariable('as_of')::date
        and (resolved_at is null or resolved_at::date > day)
),

final as (
    select
        strftime(newly_overdue.day, '%Y-%m-%d') as day,
        newly_overdue.source,
        newly_overdue.id,
        feedback.department,
        coalesce(feedback.category, 'other') as category,
        strftime(newly_overdue.received_at, '%Y-%m-%d %H:%M') as received_at,
        strftime(newly_overdue.due_date, '%Y-%m-%d') as due_date
    from newly_overdue
    inner join feedback on feedback.source = newly_overdue.source and feedback.id = newly_overdue.id
)

select * from final;
