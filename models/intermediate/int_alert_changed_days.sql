-- Grain: one row per hospital per day whose early-warning counts (int_alert_cell_days) must be
-- counted again: its complaints' inputs differ from those the counts were made from
-- (int_alert_counted_days): a complaint new, changed or gone that day, or moved to or from it, or
-- another department, category, place, language or words (its text or the analyzer changed: the
-- terms text_analyses holds, which fct_record_terms unnests, are those of its content_hash read by
-- its analyzer, hashed rather than the lists, which cost twice as much to read). `inputs`
-- is the day's now (null: the day has no complaint now). The inputs are a sum of each complaint's
-- hash, so no complaint's order counts, with the fingerprint of the counting models' SQL
-- (getvariable('alert_models')): a changed rule counts every day again.
create or replace temp table int_alert_changed_days as
with complaint_inputs as (
    select
        feedback.hospital,
        feedback.received_at::date as day,
        hash(feedback.source, feedback.id, feedback.department, feedback.category, feedback.location, feedback.lang, analyses.content_hash, analyses.analyzer) as inputs
    from fct_feedback as feedback
    left join text_analyses as analyses using (hospital, source, id)
    where feedback.kind = 'complaint'
),

days as (
    select hospital, day, hash(sum(inputs), getvariable('alert_models')) as inputs
    from complaint_inputs
    group by hospital, day
)

select coalesce(days.hospital, counted.hospital) as hospital, coalesce(days.day, counted.day) as day, days.inputs
from days
full outer join int_alert_counted_days as counted on counted.hospital is not distinct from days.hospital and counted.day = days.day
where days.inputs is distinct from counted.inputs;
