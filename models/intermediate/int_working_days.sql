-- Grain: one row per calendar in use (file_calendar) per day, from the first day of any feedback
-- record or the as-of date to 400 days after the last of them: whether the day is a working day
-- and its working-day index, the number of working days of the calendar up to and including it.
-- A day is a working day when holidays.csv lists it as a `workday` (an adjusted weekend working
-- day, 调休 / làm bù), or it is Monday to Friday and not listed as a `holiday`. Calendar `none`
-- has no rows in holidays.csv: Monday to Friday. Outside the years holidays.csv covers, every
-- calendar is weekends only. Variable: as_of (YYYY-MM-DD).
create or replace table int_working_days as
with bounds as (
    select
        least(min(received_at)::date, getvariable('as_of')::date) as first_day,
        greatest(max(received_at)::date, max(resolved_at)::date, getvariable('as_of')::date) + 400 as last_day
    from feedback_records
),

calendars as (
    select distinct calendar from file_calendar
),

listed_days as (
    select calendar, holiday_date as day, min(kind) as kind
    from stg_holidays
    where problem is null
    group by calendar, holiday_date
),

days as (
    select unnest(generate_series(first_day, last_day, interval 1 day))::date as day
    from bounds
),

flagged as (
    select
        calendars.calendar,
        days.day,
        case
            when listed_days.kind = 'workday' then true
            when listed_days.kind = 'holiday' then false
            else isodow(days.day) <= 5
        end as is_working_day,
        listed_days.kind as listed_as
    from calendars
    cross join days
    left join listed_days on listed_days.calendar = calendars.calendar and listed_days.day = days.day
),

final as (
    select
        calendar,
        day,
        is_working_day,
        listed_as,
        sum(is_working_day::integer) over (partition by calendar order by day rows unbounded preceding)::integer as working_day_index
    from flagged
)

select * from final
order by calendar, day;
