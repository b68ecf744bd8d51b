-- Grain: one row per fix a hospital recorded (整改 → 复查) per review date (each month's end since the
-- fix, and the as-of date: `is_current`), as hearken reviewed it then: whether complaints
-- on its problem fell after it (int_fix_counts), as a rate ratio after/before with its exact 95%
-- interval (R's poisson.test), season-adjusted where a year of history allows, and the verdict
-- (fix_verdicts). Exported as OUT/data/fix_reviews. Variable: fix_min_after_days.
create or replace table mart_fix_reviews as
with final as (
    select
        counts.hospital,
        counts.warning_id,                          -- null when the fix names the problem itself
        counts.department,                          -- as the fix or its warning names it
        counts.departments,                         -- the canonical departments it resolves to (dim_department)
        counts.category,
        counts.location,
        counts.keywords,
        counts.fixed_on,
        counts.reviewed_on,
        counts.reviewed_on = getvariable('as_of')::date as is_current,
        counts.action,                              -- what was done, redacted
        counts.before_start,
        counts.before_end,
        counts.after_start,
        case when counts.after_days > 0 then counts.after_end end as after_end,
        counts.after_window_end,                    -- the last day the review will ever count
        counts.before_days,
        counts.after_days,
        counts.before_complaints,
        counts.after_complaints,
        verdicts.season_adjusted,                   -- divided by the season's own ratio, the same weeks a year earlier
        verdicts.expected_ratio,
        verdicts.rate_ratio,                        -- after/before per day; null with no complaint before
        verdicts.ci_low,
        verdicts.ci_high,                           -- null when unbounded (every complaint after)
        verdicts.verdict,                           -- fell | unclear | not_fallen | rose | too_few | too_soon
        (counts.after_start + getvariable('fix_min_after_days')::integer - 1)::date as judge_from,
        verdicts.reopens,                           -- the warning it names is open again
        counts.path as source_file,
        counts.file_row as source_row
    from int_fix_counts as counts
    inner join fix_verdicts as verdicts using (path, file_row, reviewed_on)
)

select * from final
order by hospital, fixed_on, source_file, source_row, reviewed_on;
