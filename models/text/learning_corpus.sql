-- Grain: one row per feedback record, the newest 200,000 of each language its letters show
-- (script_language: Han, Vietnamese letters, else English): the corpora the analyzers learn
-- collocations and new words from. Letters rather than the full detector, which needs what is learned here.
create or replace temp table learning_corpus as
select lang, text_redacted
from (
    select script_language(coalesce(text_redacted, text_raw)) as lang, coalesce(text_redacted, text_raw) as text_redacted, received_at, source, id
    from feedback_records
)
where lang in ('zh', 'vi', 'en')
qualify row_number() over (partition by lang order by received_at desc, source, id) <= 200000;
