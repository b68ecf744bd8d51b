-- Grain: one row per row of holidays.csv (the shipped data/reference/holidays.csv and any a hospital
-- adds): a date that is a public holiday (`holiday`) or an adjusted weekend working day (`workday`,
-- China's 调休, Viet Nam's làm bù) in a calendar, typed, with `problem`: the code of the first reason,
-- if any, that the row cannot be used (worded for people in pipeline/calendar.copy.ts). A date listed once as a holiday and once as a workday of the same
-- calendar is a problem on both rows: which one the hospital meant cannot be guessed.
create or replace temp table stg_holidays as
with source as (
    select calendar, date, kind, name from ref_holidays_raw
),

typed as (
    select
        upper(trim(calendar)) as calendar,
        trim(date) as date_raw,
        case when regexp_full_match(trim(date), '\d{4}-\d{2}-\d{2}') then try_cast(trim(date) as date) end as holiday_date,
        lower(trim(kind)) as kind,
        trim(name) as name
    from source
),

final as (
    select
        calendar,
        date_raw,
        holiday_date,
        kind,
        name,
        case
            when nullif(calendar, '') is null then 'calendar_empty'
            when holiday_date is null then 'date_invalid'
            when kind is null or kind not in ('holiday', 'workday') then 'kind_invalid'
            when min(kind) over same_day <> max(kind) over same_day then 'holiday_and_workday'
        end as problem
    from typed
    window same_day as (partition by calendar, holiday_date)
)

select * from final;
