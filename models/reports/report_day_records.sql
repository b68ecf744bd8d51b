-- Grain: one row per feedback record received on a day of the daily bulletins (the variable
-- report_first_day up to as_of), every kind: the bulletin counts them by kind and lists the
-- complaints. Redacted text only.
create or replace temp table report_day_records as
with records as (
    select * from report_feedback
),

final as (
    select
        strftime(received_at, '%Y-%m-%d') as day,
        source,
        id,
        strftime(received_at, '%Y-%m-%d %H:%M') as received_at,
        kind,
        department,
        coalesce(category, 'other') as category,
        channel,
        location,
        text_redacted
    from records
    where received_at::date between getvariable('report_first_day')::date and getvariable('as_of')::date
)

select * from final;
