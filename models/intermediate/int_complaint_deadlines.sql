-- Grain: one row per feedback record of kind `complaint` (hospital, source, id): its working-day calendar
-- (file_calendar, from the file its stored version came from), its SLA in working days
-- (complaint_sla.csv by its category in fct_feedback, given or inferred; uncategorised complaints
-- take `other`'s; a fraction rounds up) and its due date.
-- The day of receipt is not counted (as a period in days is counted under both the PRC Civil
-- Code, art. 201, and the Vietnamese Civil Code, art. 147): the count starts on the next working
-- day, so a complaint received on a Friday evening, a Saturday or a holiday all start counting on
-- the first working day after it, and the complaint is due by the end (local time) of the
-- sla_working_days-th working day. With an SLA of 0 working days it is due by the end of the day
-- of receipt, or of the next working day when it came on a day off. Resolved within SLA means
-- resolved on or before the due date.
create or replace table int_complaint_deadlines as
with complaints as (
    select hospital, source, id, received_at, responded_at, resolved_at, category
    from fct_feedback
    where kind = 'complaint'
),

calendars as (
    select records.hospital, records.source, records.id, file_calendar.calendar
    from feedback_records as records
    inner join file_calendar on file_calendar.file_id = records.file_id
    where records.kind = 'complaint'
),

sla as (
    select lower(trim(category)) as category, ceil(max(sla_days::double))::integer as sla_working_days
    from ref_complaint_sla_raw
    group by 1
),

days as (
    select calendar, day, is_working_day, working_day_index from int_working_days
),

received as (
    select
        complaints.hospital,
        complaints.source,
        complaints.id,
        calendars.calendar,
        case when sla.category is not null then complaints.category else 'other' end as sla_category,
        coalesce(sla.sla_working_days, other.sla_working_days) as sla_working_days,
        complaints.received_at,
        complaints.responded_at,
        complaints.resolved_at,
        received_day.working_day_index as received_working_day_index,
        received_day.is_working_day as received_on_working_day
    from complaints
    inner join calendars
        on calendars.hospital = complaints.hospital and calendars.source = complaints.source and calendars.id = complaints.id
    left join sla on sla.category = complaints.category
    left join sla as other on other.category = 'other'
    inner join days as received_day
        on received_day.calendar = calendars.calendar and received_day.day = complaints.received_at::date
),

due as (
    select
        received.*,
        received_working_day_index
            + greatest(sla_working_days, case when received_on_working_day then 0 else 1 end) as due_working_day_index
    from received
),

final as (
    select
        due.hospital,
        due.source,
        due.id,
        due.calendar,
        due.sla_category,
        due.sla_working_days,
        due.received_at,
        due.responded_at,
        due.resolved_at,
        due.received_working_day_index,
        due.due_working_day_index,
        due_day.day as due_date,
        due_day.day + time '23:59:59' as due_at,
        due.resolved_at::date <= due_day.day as resolved_within_sla
    from due
    left join days as due_day
        on due_day.calendar = due.calendar
        and due_day.is_working_day
        and due_day.working_day_index = due.due_working_day_index
)

select * from final;
