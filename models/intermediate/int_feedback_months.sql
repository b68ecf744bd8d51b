-- Grain: one row per feedback record of fct_feedback, with the month of its received_at (YYYY-MM)
-- and its category and channel as the monthly marts count them: a record without one counts under
-- `other`. The one monthly reading of the records that mart_complaint_monthly,
-- mart_complaint_channels and mart_praise roll up, each by its own dimensions.
create or replace table int_feedback_months as
with feedback as (
    select * from fct_feedback
),

final as (
    select
        hospital,
        source,
        id,
        kind,
        department,
        lang,
        received_at,
        strftime(received_at, '%Y-%m') as month,
        coalesce(category, 'other') as category,
        coalesce(channel, 'other') as channel,
        platform
    from feedback
)

select * from final;
