-- Grain: one row per feedback record of fct_feedback, with the month of its received_at (YYYY-MM)
-- and its category and channel as the monthly marts count them: a record without one counts under
-- `other`. The one monthly reading of the records that mart_complaint_monthly,
-- mart_complaint_channels and mart_praise roll up, each by its own dimensions.
-- A temp table: only those marts of the same run read it (a row per record), so it is never
-- written to the warehouse file; the stored table a warehouse from before kept is dropped (on a
-- later call in the same session this drops the temp table the call before made).
drop table if exists int_feedback_months;
create or replace temp table int_feedback_months as
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
