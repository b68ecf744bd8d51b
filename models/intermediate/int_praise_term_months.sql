-- Grain: one row per hospital per month of received_at (`month`, YYYY-MM) per
-- department per language and term: the praise records (kind `praise`) holding the term. What
-- the praise mart ranks a month's themes by, kept between runs: a day changes a few months, and what a
-- record adds here (its kind, department, language and terms) is part of its version
-- (int_current_record_versions).
-- Built by period (pipeline/plan.ts, PARTITIONED_MODELS): this view is every row of the partitions
-- (hospital × month) of int_changed_periods, from every record of those partitions.
create or replace temp view int_praise_term_months_changed as
with partitions as (
    select hospital, period as month from int_changed_periods where record_type = 'feedback' and grain = 'month'
),

praise as (
    select feedback.hospital, feedback.source, feedback.id, strftime(feedback.received_at, '%Y-%m') as month, feedback.department, feedback.lang
    from fct_feedback as feedback
    semi join partitions
        on partitions.hospital is not distinct from feedback.hospital and partitions.month = strftime(feedback.received_at, '%Y-%m')
    where feedback.kind = 'praise'
),

-- the terms of those records only (record_terms unnests every record's list)
terms as (
    select praise.*, unnest(analyses.terms) as term
    from praise
    inner join text_analyses as analyses using (hospital, source, id)
),

final as (
    select hospital, month, department, lang, term, count(*) as records
    from terms
    group by all
)

select * from final;
