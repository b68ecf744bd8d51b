-- Grain: one row per complaint open at the end of the as-of date: received on or before it and
-- its clock not stopped by then (see int_complaint_deadlines: resolved later or not at all, and no
-- status that stops the clock without a time). A complaint `referred` to an outside authority is
-- here while it is not resolved, with on_department_clock false: it is never past due and has no
-- escalation step (it is reported upward, not held against the department).
-- Its age is the working days of its calendar after the day of receipt up to and including the
-- as-of date (0 on the day it came, the day of receipt not counted, as for its deadline); it is
-- past due when its due date is before the as-of date, and working_days_overdue counts the working
-- days after the due date up to and including the as-of date (0 on a weekend right after a Friday
-- deadline). escalation_step: 0 before the due date has passed, 1 once it has, and one more for
-- each of the escalation steps (variable escalation_steps, working days overdue) it has reached.
-- Variable: as_of (YYYY-MM-DD).
create or replace table int_open_complaints as
with as_of as (
    select getvariable('as_of')::date as as_of_date
),

deadlines as (
    select * from int_complaint_deadlines
),

open_complaints as (
    select deadlines.*, as_of.as_of_date
    from deadlines
    cross join as_of
    where deadlines.received_at::date <= as_of.as_of_date
        and (deadlines.clock_stopped_at is null or deadlines.clock_stopped_at::date > as_of.as_of_date)
        and not (deadlines.clock_stopped and deadlines.clock_stopped_at is null)
),

aged as (
    select
        open_complaints.hospital,
        open_complaints.source,
        open_complaints.id,
        open_complaints.as_of_date as as_of,
        open_complaints.calendar,
        open_complaints.sla_category,
        open_complaints.sla_working_days,
        open_complaints.received_at,
        open_complaints.due_date,
        open_complaints.due_at,
        today.working_day_index - open_complaints.received_working_day_index as age_working_days,
        open_complaints.on_department_clock and open_complaints.due_date < open_complaints.as_of_date as is_past_due,
        case
            when open_complaints.on_department_clock and open_complaints.due_date < open_complaints.as_of_date
                then today.working_day_index - open_complaints.due_working_day_index
        end as working_days_overdue,
        open_complaints.on_department_clock
    from open_complaints
    inner join int_working_days as today
        on today.calendar = open_complaints.calendar and today.day = open_complaints.as_of_date
),

final as (
    select
        *,
        case
            when is_past_due
                then 1 + len(list_filter(getvariable('escalation_steps'), step -> working_days_overdue >= step))
            else 0
        end::integer as escalation_step
    from aged
)

select * from final;
