-- Grain: one row per praise record (kind `praise`) received in the 12 months to the as-of date:
-- its hospital, department, redacted text and distinct terms, from which a page picks the themes
-- of a department's (or the hospital's) praise and quotes that show them (pipeline/frequency/quotes.ts).
-- Only redacted text. A table, built once: every page of every hospital reads it, and the terms
-- behind it come from unnesting every record's list.
create or replace table mart_praise_records as
with praise as (
    select hospital, source, id, department, lang, text_redacted
    from fct_feedback
    where kind = 'praise' and received_at::date > getvariable('as_of')::date - interval 12 month and received_at::date <= getvariable('as_of')::date
),

-- the terms of those records only (record_terms unnests every record's list)
praise_terms as (
    select hospital, source, id, unnest(analyses.terms) as term
    from text_analyses as analyses
    semi join praise using (hospital, source, id)
),

terms as (
    select praise.hospital, praise.source, praise.id, list(distinct terms.term order by terms.term) as terms
    from praise
    inner join praise_terms as terms using (hospital, source, id)
    inner join dim_term on dim_term.lang = praise.lang and dim_term.term = terms.term
    where dim_term.template_source is null
    group by praise.hospital, praise.source, praise.id
),

final as (
    select praise.hospital, praise.department, praise.source, praise.id, praise.lang, praise.text_redacted, coalesce(terms.terms, []::varchar[]) as terms
    from praise
    left join terms using (hospital, source, id)
)

select * from final
order by hospital, department, id, source;
