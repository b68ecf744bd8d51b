-- Grain: one row per complaint open at the end of the as-of date: received on or before it and
-- not resolved by then (resolved later, or not at all). Its age is the working days of its
-- calendar after the day of receipt up to and including the as-of date (0 on the day it came,
-- the day of receipt not counted, as for its deadline); it is past due when its due date is
-- before the as-of date, and working_days_overdue counts the working days after the due date up
-- to and including the as-of date (0 on a weekend right after a Friday deadline). Variable:
-- as_of (YYYY-MM-DD).
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
        and (deadlines.resolved_at is null or deadlines.resolved_at::date > as_of.as_of_date)
),

final as (
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
        open_complaints.due_date < open_complaints.as_of_date as is_past_due,
        case
            when open_complaints.due_date < open_complaints.as_of_date
                then today.working_day_index - open_complaints.due_working_day_index
        end as working_days_overdue
    from open_complaints
    inner join int_working_days as today
        on today.calendar = open_complaints.calendar and today.day = open_complaints.as_of_date
)

select * from final;
