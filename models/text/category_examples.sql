-- Grain: one row per feedback record read by the text stage: what category inference needs: the
-- given category (null when the source gave none), the record's lexicon hits, and whether it is
-- held out (a fifth of records, chosen by a hash of its key so the choice is the same every run)
-- to measure the classifier on records it did not learn from; and whether a classifier already
-- labelled this very analysis of it (inferred_categories): a reused classifier labels only the
-- records it has not. Its terms are listed only for the records the classifier reads
-- (category_rows).
create or replace temp table category_examples as
with final as (
    select
        analyses.hospital,
        analyses.source,
        analyses.id,
        analyses.lang,
        records.category::varchar as given_category,
        analyses.lexicon_hits,
        hash(analyses.source, analyses.id) % 5 = 0 as held_out,
        records.received_at,
        analyses.content_hash,
        analyses.analyzer,
        inferred.id is not null as classifier_labelled
    from text_analyses as analyses
    inner join feedback_records as records using (hospital, source, id, content_hash)
    left join inferred_categories as inferred
        on inferred.hospital = analyses.hospital and inferred.source = analyses.source and inferred.id = analyses.id
        and inferred.content_hash = analyses.content_hash and inferred.analyzer = analyses.analyzer and inferred.method = 'classifier'
)

select * from final;
