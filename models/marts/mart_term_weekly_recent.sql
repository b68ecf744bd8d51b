-- Grain: one row per hospital per term per language per ISO week of the 26 weeks ending with the
-- week of getvariable('as_of'), hospital-wide, for the hospital's terms in the recent window: the records holding it and
-- every record of that week (issue-raising kinds only). The burst detector reads it.
create or replace table mart_term_weekly_recent as
with weeks as (
    select unnest(generate_series(
        date_trunc('week', getvariable('as_of')::date) - interval 25 weeks,
        date_trunc('week', getvariable('as_of')::date),
        interval 1 week
    ))::date as week_start
),

records as (
    select hospital, source, id, lang, date_trunc('week', received_at)::date as week_start
    from fct_feedback
    where kind <> 'praise'
      and received_at::date <= getvariable('as_of')::date
      and date_trunc('week', received_at)::date >= (select min(week_start) from weeks)
),

week_totals as (
    select hospital, lang, week_start, count(*)::integer as week_records from records group by all
),

candidates as (
    select distinct hospital, lang, term from mart_term_window_counts where scope = 'ALL'
),

-- the terms of those weeks' records only (record_terms unnests every record's list)
recent_terms as (
    select hospital, source, id, unnest(analyses.terms) as term
    from text_analyses as analyses
    semi join records using (hospital, source, id)
),

term_weeks as (
    select records.hospital, records.lang, terms.term, records.week_start, count(*)::integer as records
    from records
    inner join recent_terms as terms using (hospital, source, id)
    semi join candidates on candidates.hospital = records.hospital and candidates.lang = records.lang and candidates.term = terms.term
    group by all
),

final as (
    select candidates.hospital, candidates.lang, candidates.term, weeks.week_start, coalesce(term_weeks.records, 0) as records, coalesce(week_totals.week_records, 0) as week_records
    from candidates
    cross join weeks
    left join week_totals
        on week_totals.hospital = candidates.hospital and week_totals.lang = candidates.lang and week_totals.week_start = weeks.week_start
    left join term_weeks
        on term_weeks.hospital = candidates.hospital and term_weeks.lang = candidates.lang
        and term_weeks.term = candidates.term and term_weeks.week_start = weeks.week_start
)

select * from final
order by hospital, lang, term, week_start;
