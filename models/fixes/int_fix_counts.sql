-- Grain: one row per fix reviewed (stg_fixes without a problem) per review date: the end of each
-- month from the fix's own to the as-of date, and the as-of date, so that a monthly analysis shows
-- a fix as it stood at its month's end and a later run reproduces it. Per fix and date, the complaints on its problem in
-- the weeks before the fix and in those after its waiting period, and, where the hospital's
-- records reach a year further back, its department's complaints (the hospital's, for a fix
-- that names none) in the same weeks 52 weeks earlier: the season's own change, which the rate
-- ratio is adjusted by (pipeline/fixes/fix-verdict.ts).
--   before: the fix_before_days days before fixed_on;
--   after:  from fixed_on + fix_wait_days (the fix takes effect, complaints in flight arrive) for
--           fix_after_days days, cut at the review date.
-- A complaint is on the problem when it is of the fix's hospital, of one of its departments (any,
-- when none is named), of its category and location (any, when none), and its redacted text holds
-- one of its keywords (any text, when none; case-insensitive substring).
-- Variables: as_of, fix_before_days, fix_wait_days, fix_after_days.
create or replace temp table int_fix_counts as
with reviewed as (
    select * from stg_fixes where problem is null
),

review_dates as (
    select path, file_row, last_day(month_start) as reviewed_on
    from (
        select path, file_row, unnest(generate_series(date_trunc('month', fixed_on), getvariable('as_of')::date, interval 1 month))::date as month_start
        from reviewed
    )
    where last_day(month_start) < getvariable('as_of')::date
    union
    select path, file_row, getvariable('as_of')::date from reviewed
),

fixes as (
    select
        reviewed.*,
        review_dates.reviewed_on,
        reviewed.fixed_on - getvariable('fix_before_days')::integer as before_start,
        reviewed.fixed_on - 1 as before_end,
        reviewed.fixed_on + getvariable('fix_wait_days')::integer as after_start,
        reviewed.fixed_on + getvariable('fix_wait_days')::integer + getvariable('fix_after_days')::integer - 1 as after_window_end,
        least(
            reviewed.fixed_on + getvariable('fix_wait_days')::integer + getvariable('fix_after_days')::integer - 1,
            review_dates.reviewed_on
        ) as after_end
    from reviewed
    inner join review_dates using (path, file_row)
),

complaints as (
    select hospital, received_at::date as day, department, category, location, lower(text_redacted) as text
    from fct_feedback
    where kind = 'complaint'
),

history as (
    select hospital, min(received_at::date) as first_day
    from fct_feedback
    group by hospital
),

matched as (
    select
        fixes.path,
        fixes.file_row,
        fixes.reviewed_on,
        complaints.day,
        (fixes.category is null or complaints.category = fixes.category)
            and (fixes.location is null or complaints.location = fixes.location)
            and (len(fixes.keywords) = 0 or list_bool_or(list_transform(fixes.keywords, keyword -> contains(complaints.text, lower(keyword)))))
            as on_problem,
        complaints.day between fixes.before_start and fixes.before_end as in_before,
        complaints.day between fixes.after_start and fixes.after_end as in_after,
        complaints.day between fixes.before_start - 364 and fixes.before_end - 364 as in_season_before,
        complaints.day between fixes.after_start - 364 and fixes.after_end - 364 as in_season_after
    from fixes
    inner join complaints
        on complaints.hospital = fixes.hospital
        and (len(fixes.departments) = 0 or list_contains(fixes.departments, complaints.department))
        and complaints.day between fixes.before_start - 364 and fixes.after_end
),

counts as (
    select
        path,
        file_row,
        reviewed_on,
        count(*) filter (where on_problem and in_before)::integer as before_complaints,
        count(*) filter (where on_problem and in_after)::integer as after_complaints,
        count(*) filter (where in_season_before)::integer as season_before,
        count(*) filter (where in_season_after)::integer as season_after
    from matched
    group by all
),

final as (
    select
        fixes.hospital,
        fixes.warning_id,
        fixes.department,
        fixes.departments,
        fixes.category,
        fixes.location,
        fixes.keywords,
        fixes.fixed_on,
        fixes.action,
        fixes.path,
        fixes.file_row,
        fixes.reviewed_on,
        fixes.before_start,
        fixes.before_end,
        fixes.after_start,
        fixes.after_end,
        fixes.after_window_end,
        getvariable('fix_before_days')::integer as before_days,
        greatest(0, fixes.after_end - fixes.after_start + 1)::integer as after_days,
        coalesce(counts.before_complaints, 0) as before_complaints,
        coalesce(counts.after_complaints, 0) as after_complaints,
        -- a year of history: the records reach back to the season windows' start
        case when history.first_day <= fixes.before_start - 364 then coalesce(counts.season_before, 0) end as season_before,
        case when history.first_day <= fixes.before_start - 364 then coalesce(counts.season_after, 0) end as season_after
    from fixes
    left join counts using (path, file_row, reviewed_on)
    left join history using (hospital)
)

select * from final;
