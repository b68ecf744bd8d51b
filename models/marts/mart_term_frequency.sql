-- Grain: one row per hospital per term per period (day, ISO week starting Monday, month) per slice
-- (the whole hospital, a department, a location, a category, a channel): `records` holding the term
-- (document frequency, not token count), beside `slice_records`, every record of that period and
-- slice. A view: read it filtered (a grain, a slice, a term), it is too large to store whole.
create or replace view mart_term_frequency as
with periods as (
    select *, unnest([
        {'grain': 'day', 'period_start': received_at::date},
        {'grain': 'week', 'period_start': date_trunc('week', received_at)::date},
        {'grain': 'month', 'period_start': date_trunc('month', received_at)::date}
    ]) as period
    from fct_feedback
),

slices as (
    select *, unnest([
        {'dimension': 'all', 'value': 'ALL'},
        {'dimension': 'department', 'value': department},
        {'dimension': 'location', 'value': location},
        {'dimension': 'category', 'value': category},
        {'dimension': 'channel', 'value': channel}
    ]) as slice
    from periods
),

slice_totals as (
    select hospital, period.grain, period.period_start, slice.dimension, slice.value, count(*)::integer as slice_records
    from slices
    where slice.value is not null
    group by all
),

term_counts as (
    select hospital, period.grain, period.period_start, slice.dimension, slice.value, slices.lang, terms.term, count(*)::integer as records
    from slices
    inner join record_terms as terms using (hospital, source, id)
    where slice.value is not null
    group by all
),

final as (
    select term_counts.*, slice_totals.slice_records
    from term_counts
    inner join slice_totals using (hospital, grain, period_start, dimension, value)
)

select * from final;
