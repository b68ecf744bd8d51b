-- Grain: one row per hospital per term per language per scope (the whole hospital `ALL`, or one of
-- its departments) with
-- the records holding it in the recent window (the 28 days ending on getvariable('as_of')) and in
-- its baseline (the 364 days before that), beside every record of the scope in each window.
-- Records that raise an issue only (all kinds but praise); no source's template word. Keyness reads
-- it (pipeline/frequency).
create or replace table mart_term_window_counts as
with windowed as (
    select
        *,
        case
            when received_at::date > getvariable('as_of')::date - 28 then 'recent'
            else 'baseline'
        end as time_window
    from fct_feedback
    where kind <> 'praise'
      and received_at::date <= getvariable('as_of')::date
      and received_at::date > getvariable('as_of')::date - 28 - 364
),

scoped as (
    select *, unnest(['ALL', department]) as scope from windowed
),

totals as (
    select
        hospital,
        lang,
        scope,
        count(*) filter (where time_window = 'recent')::integer as recent_records,
        count(*) filter (where time_window = 'baseline')::integer as baseline_records
    from scoped
    group by all
),

term_counts as (
    select
        scoped.hospital,
        scoped.lang,
        scoped.scope,
        terms.term,
        count(*) filter (where time_window = 'recent')::integer as recent_with_term,
        count(*) filter (where time_window = 'baseline')::integer as baseline_with_term
    from scoped
    inner join record_terms as terms using (hospital, source, id)
    -- a source's template rises with the source's volume, not with a problem (dim_term)
    anti join dim_term as templates on templates.lang = scoped.lang and templates.term = terms.term and templates.template_source is not null
    group by all
),

final as (
    select term_counts.*, totals.recent_records, totals.baseline_records
    from term_counts
    inner join totals using (hospital, lang, scope)
    where term_counts.recent_with_term > 0
)

select * from final;
