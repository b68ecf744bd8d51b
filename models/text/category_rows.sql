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

-- the terms of the chosen records only: listing every record's would read all of record_terms
terms as (
    select hospital, source, id, list(term order by term) as terms
    from record_terms
    semi join chosen using (hospital, source, id)
    group by all
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
