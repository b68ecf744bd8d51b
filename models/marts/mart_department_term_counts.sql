-- Grain: one row per hospital per department per language per term over the year to getvariable('as_of'):
-- the department's issue-raising records (every kind but praise) holding the term. The
-- department keywords (TF-IDF over departments) read it.
create or replace table mart_department_term_counts as
with records as (
    select hospital, source, id, department, lang
    from fct_feedback
    where kind <> 'praise'
      and received_at::date <= getvariable('as_of')::date
      and received_at::date > getvariable('as_of')::date - 365
),

-- the terms of the year's records only (record_terms unnests every record's list)
year_terms as (
    select hospital, source, id, unnest(analyses.terms) as term
    from text_analyses as analyses
    semi join records using (hospital, source, id)
),

final as (
    select records.hospital, records.department, records.lang, terms.term, count(*)::integer as records
    from records
    inner join year_terms as terms using (hospital, source, id)
    group by all
)

select * from final;
