-- Grain: one row per hospital per language per month of the 27 months up to getvariable('as_of') (the 24 the
-- high-frequency issues publish, `published`, and the 3 before them that the earliest compares
-- with): the days of the month that the language's records cover, from its first record to the
-- as-of date. Months are compared per day: the as-of month runs only to the as-of date (15 days
-- against 31), and a language's first month in a hospital only from its first record there; a month
-- before it has 0.
create or replace temp table int_issue_months as
with languages as (
    select hospital, lang, min(received_at::date) as first_day
    from fct_feedback
    where received_at::date <= getvariable('as_of')::date
    group by hospital, lang
),

months as (
    select unnest(generate_series(
        date_trunc('month', getvariable('as_of')::date) - interval 26 months,
        date_trunc('month', getvariable('as_of')::date),
        interval 1 month
    ))::date as month_start
),

final as (
    select
        languages.hospital,
        languages.lang,
        strftime(months.month_start, '%Y-%m') as month,
        greatest(
            0,
            least(last_day(months.month_start), getvariable('as_of')::date) - greatest(months.month_start, languages.first_day) + 1
        )::integer as days,
        months.month_start >= date_trunc('month', getvariable('as_of')::date) - interval 23 months as published
    from languages
    cross join months
)

select * from final;
