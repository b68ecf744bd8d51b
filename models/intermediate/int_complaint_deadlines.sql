-- Grain: one row per feedback record of kind `complaint` (hospital, source, id): its working-day calendar
-- (file_calendar, from the file its stored version came from), its SLA in working days
-- (stg_complaint_sla by its category in fct_feedback, given or inferred; uncategorised complaints
-- take `other`'s) and its due date; its response limit and whether it was
-- answered in time; and its clock.
-- The day of receipt is not counted (as a period in days is counted under both the PRC Civil
-- Code, art. 201, and the Vietnamese Civil Code, art. 147): the count starts on the next working
-- day, so a complaint received on a Friday evening, a Saturday or a holiday all start counting on
-- the first working day after it, and the complaint is due by the end (local time) of the
-- sla_working_days-th working day. With an SLA of 0 working days it is due by the end of the day
-- of receipt, or of the next working day when it came on a day off. Resolved within SLA means
-- resolved on or before the due date.
-- The response limit (response_limits.csv) is the row of the complaint's channel and source, else
-- of its channel, else of its source under channel `*`, else `*`'s; a row in a hospital's folder
-- replaces the shipped row for the same channel and source. In hours it runs from received_at; in
-- working days it is due by the end of a day counted as the SLA's. Responded in time means a
-- responded_at on or before then; a complaint not answered is not in time.
-- The clock: a complaint `referred` to an outside authority is off the department's clock
-- (on_department_clock false). Otherwise the clock stops at resolved_at, or, when `replied` is one
-- of the statuses that stop it (variable clock_stop_statuses), at the responded_at of a replied
-- complaint; a complaint whose status stops the clock without a time (closed, no resolved_at) has
-- clock_stopped and no clock_stopped_at. `escalated` never stops it.
-- Incremental (pipeline/plan.ts): the rows of the records in int_changed_records.
create or replace temp view int_complaint_deadlines_changed as
with changed as (
    select hospital, source, id from int_changed_records where record_type = 'feedback'
),

complaints as (
    select hospital, source, id, received_at, responded_at, resolved_at, category, channel, status
    from fct_feedback
    semi join changed using (hospital, source, id)
    where kind = 'complaint'
),

calendars as (
    select records.hospital, records.source, records.id, file_calendar.calendar
    from feedback_records as records
    semi join changed using (hospital, source, id)
    inner join file_calendar on file_calendar.file_id = records.file_id
    where records.kind = 'complaint'
),

sla as (
    select category, sla_working_days from stg_complaint_sla
),

limits as (
    select channel, source, response_limit, response_limit_unit
    from stg_response_limits
    qualify row_number() over (partition by channel, source order by file_rank desc, response_limit, response_limit_unit) = 1
),

-- channels and sources are few: each pair is matched once, then joined back
channel_sources as (
    select distinct channel, source from complaints
),

chosen_limits as (
    select channel_sources.channel, channel_sources.source, limits.response_limit, limits.response_limit_unit
    from channel_sources
    inner join limits
        on (limits.channel = channel_sources.channel or limits.channel = '*')
        and (limits.source = channel_sources.source or limits.source is null)
    qualify row_number() over (
        partition by channel_sources.channel, channel_sources.source
        order by limits.channel = '*', limits.source is null
    ) = 1
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
        complaints.status,
        chosen_limits.response_limit,
        chosen_limits.response_limit_unit,
        received_day.working_day_index as received_working_day_index,
        received_day.is_working_day as received_on_working_day
    from complaints
    inner join calendars
        on calendars.hospital = complaints.hospital and calendars.source = complaints.source and calendars.id = complaints.id
    left join sla on sla.category = complaints.category
    left join sla as other on other.category = 'other'
    left join chosen_limits
        on chosen_limits.channel = complaints.channel
        and chosen_limits.source = complaints.source
    inner join days as received_day
        on received_day.calendar = calendars.calendar and received_day.day = complaints.received_at::date
),

due as (
    select
        received.*,
        due_working_day_index(received_working_day_index, received_on_working_day, sla_working_days) as due_working_day_index,
        case when response_limit_unit = 'working_days' then
            due_working_day_index(received_working_day_index, received_on_working_day, ceil(response_limit)::integer)
        end as response_due_working_day_index
    from received
),

timed as (
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
        due.resolved_at::date <= due_day.day as resolved_within_sla,
        due.response_limit,
        due.response_limit_unit,
        case
            when due.response_limit_unit = 'hours' then due.received_at + to_seconds(round(due.response_limit * 3600)::bigint)
            else response_day.day + time '23:59:59'
        end as response_due_at,
        due.status,
        due.status is distinct from 'referred' as on_department_clock,
        coalesce(
            due.resolved_at,
            case when due.status = 'replied' and list_contains(getvariable('clock_stop_statuses'), 'replied') then due.responded_at end
        ) as clock_stopped_at
    from due
    left join days as due_day
        on due_day.calendar = due.calendar
        and due_day.is_working_day
        and due_day.working_day_index = due.due_working_day_index
    left join days as response_day
        on response_day.calendar = due.calendar
        and response_day.is_working_day
        and response_day.working_day_index = due.response_due_working_day_index
),

final as (
    select
        *,
        coalesce(responded_at <= response_due_at, false) as responded_in_time,
        clock_stopped_at is not null or coalesce(list_contains(getvariable('clock_stop_statuses'), status), false) as clock_stopped
    from timed
)

select * from final;
