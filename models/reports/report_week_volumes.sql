-- Grain: one row per ISO week (Monday to Sunday) from the week of the first complaint to the last
-- week ended by as_of, per category and `ALL`: the complaints received that week and what was
-- expected, the mean of up to 8 weeks before it (null in the first week). The detectors judge
-- every cell's week only on the run's own date and keep no expected value per past week, so the
-- summaries of earlier weeks compare with that mean instead. Variable: as_of.
create or replace temp table report_week_volumes as
with complaints as (
    select date_trunc('week', received_at)::date as week_start, coalesce(category, 'other') as category
    from report_feedback
    where kind = 'complaint'
),

weeks as (
    select unnest(generate_series(
        (select min(week_start) from complaints),
        date_trunc('week', getvariable('as_of')::date + 1)::date - 7,
        interval 7 day
    ))::date as week_start
),

categories as (
    select unnest(['process', 'attitude', 'quality', 'cost', 'facility', 'other', 'ALL']) as category
),

counted as (
    select week_start, coalesce(category, 'ALL') as category, count(*) as complaints
    from complaints
    group by grouping sets ((week_start, category), (week_start))
),

series as (
    select weeks.week_start, categories.category, coalesce(counted.complaints, 0)::integer as complaints
    from weeks
    cross join categories
    left join counted on counted.week_start = weeks.week_start and counted.category = categories.category
),

final as (
    select
        strftime(week_start, '%Y-%m-%d') as week_start,
        category,
        complaints,
        avg(complaints) over previous_weeks as expected,
        count(*) over previous_weeks as expected_weeks
    from series
    window previous_weeks as (partition by category order by week_start rows between 8 preceding and 1 preceding)
)

select * from final;
