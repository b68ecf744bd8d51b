-- Grain: one row per language: the records learning_corpus holds of it (its newest 200,000 at
-- most), and whether its analyzer learns from them again (`relearn`): it has no statistics stored
-- (learned_text_statistics), or its corpus has doubled since they were learned (learned_from),
-- so that terms stay stable between runs. Counted without building the corpus, so that a run
-- whose learned statistics still hold reads no text; and not counted at all while no corpus can
-- have doubled: when every language's statistics were learned from more than half of what a
-- corpus can hold (the warehouse's records, at most 200,000), `records` is that bound.
create or replace temp table learning_corpus_size as
with stored as (
    select lang, learned_from from learned_text_statistics
),

bound as (
    select least(count(*), 200000) as records from feedback_records
),

settled as (
    select count(*) = 3 as settled
    from stored, bound
    where stored.lang in ('zh', 'vi', 'en') and bound.records < 2 * stored.learned_from
),

-- a filter on the settled flag alone: when it holds, DuckDB reads no text
counted as (
    select lang, least(count(*), 200000) as records
    from (select script_language(coalesce(text_redacted, text_raw)) as lang from feedback_records)
    where lang in ('zh', 'vi', 'en') and not (select settled from settled)
    group by lang
),

bounded as (
    select stored.lang, bound.records
    from stored, bound
    where (select settled from settled)
),

final as (
    select sizes.lang, sizes.records, stored.learned_from is null or sizes.records >= 2 * stored.learned_from as relearn
    from (select * from counted union all select * from bounded) as sizes
    left join stored using (lang)
)

select * from final;
