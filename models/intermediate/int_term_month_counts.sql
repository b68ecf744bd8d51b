-- Grain: one row per hospital per month of received_at (`month`, YYYY-MM) per
-- language, term and surface as written, category (null: none), source and kind (`praise` true for
-- praise, false for the kinds that raise an issue, null for none): the feedback records holding the
-- term so (document frequency, as fct_record_terms counts). The term marts over the whole history
-- (dim_term, the monthly term counts) sum these counts rather than count a row per term of every record:
-- a day changes a few months, and what a record adds here (its language, terms and surfaces,
-- category, kind) is part of its version (int_current_record_versions).
-- Built by period (pipeline/plan.ts, PARTITIONED_MODELS): this view is every row of the partitions
-- (hospital × month) of int_changed_periods, from every record of those partitions.
create or replace temp view int_term_month_counts_changed as
with partitions as (
    select hospital, period as month from int_changed_periods where record_type = 'feedback' and grain = 'month'
),

records as (
    select feedback.hospital, feedback.source, feedback.id, strftime(feedback.received_at, '%Y-%m') as month, feedback.lang, feedback.category, feedback.kind = 'praise' as praise
    from fct_feedback as feedback
    semi join partitions
        on partitions.hospital is not distinct from feedback.hospital and partitions.month = strftime(feedback.received_at, '%Y-%m')
),

-- the terms of those records only (record_terms unnests every record's list)
terms as (
    select records.*, unnest(analyses.terms) as term, unnest(analyses.surfaces) as surface
    from records
    inner join text_analyses as analyses using (hospital, source, id)
),

final as (
    select hospital, month, lang, term, surface, category, source, praise, count(*) as records
    from terms
    group by all
)

select * from final;
