-- Grain: one row per record of category_examples in the language $lang that category inference
-- reads: every one when the classifier is trained or the lexicon measured ($labelled), else only
-- those without a given category that the stored classifier has not labelled yet (its label of an
-- unchanged analysis stands); each with its distinct terms in order. Newest first (training keeps
-- the newest labelled records), ties by key.
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
        chosen.hospital,
        chosen.source,
        chosen.id,
        chosen.lang,
        chosen.given_category,
        coalesce(terms.terms, []) as terms,
        chosen.lexicon_hits,
        chosen.held_out,
        chosen.content_hash,
        chosen.analyzer,
        chosen.received_at
    from chosen
    left join terms using (hospital, source, id)
)

select * exclude (received_at)
from final
order by received_at desc, hospital, source, id;
