-- Grain: one row per issue-raising feedback record (every kind but praise) of the 27 months up to
-- getvariable('as_of') (int_issue_months), with its hospital and distinct terms: what the
-- high-frequency issues group each month per hospital, and count in the months before. Its text
-- only as a hash, which tells a changed text (int_issue_month_inputs): the months computed again
-- read their texts from fct_feedback, the others none.
create or replace temp table mart_issue_records as
with records as (
    select hospital, source, id, lang, strftime(received_at, '%Y-%m') as month, department, location, hash(text_redacted) as text_hash
    from fct_feedback
    where kind <> 'praise'
      and received_at::date <= getvariable('as_of')::date
      and received_at::date >= date_trunc('month', getvariable('as_of')::date) - interval 26 months
),

-- a record's terms are distinct: its analysis's list sorted is the list of record_terms' rows by
-- term, read for these records only (record_terms unnests every record's list)
terms as (
    select hospital, source, id, list_sort(analyses.terms) as terms
    from text_analyses as analyses
    semi join records using (hospital, source, id)
),

final as (
    select records.*, coalesce(terms.terms, []) as terms
    from records
    left join terms using (hospital, source, id)
)

select * from final;
