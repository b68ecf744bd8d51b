-- Grain: one row per record of category_examples in the language $lang that category inference
-- reads: every one when the classifier is trained or the lexicon measured ($labelled), else only
-- those without a given category that the stored classifier has not labelled yet (its label of an
-- unchanged analysis stands); each with its distinct terms in order. `seq` numbers them newest
-- first (training keeps the newest labelled records), ties by key: category inference reads them
-- a page of `seq` at a time (category_rows_page), so that it never holds a language's records at
-- once (4.5 million Chinese ones in a run of 10 million).
create or replace temp table category_rows as
with chosen as (
    select *
    from category_examples
    where lang = $lang and ($labelled or (given_category is null and not classifier_labelled))
),

-- the terms of the chosen records only, sorted as they stand on the analysis's row: no term is
-- unnested (record_terms) for the records not chosen
terms as (
    select hospital, source, id, list_sort(terms) as terms
    from text_analyses
    semi join chosen using (hospital, source, id, content_hash, analyzer)
),

final as (
    select
        row_number() over (order by chosen.received_at desc, chosen.hospital, chosen.source, chosen.id)::integer as seq,
        chosen.hospital,
        chosen.source,
        chosen.id,
        chosen.lang,
        chosen.given_category,
        coalesce(terms.terms, []) as terms,
        chosen.lexicon_hits,
        chosen.held_out,
        chosen.content_hash,
        chosen.analyzer
    from chosen
    left join terms using (hospital, source, id)
)

select * from final;
