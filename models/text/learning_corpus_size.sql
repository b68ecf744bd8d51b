-- Grain: one row per language: the records learning_corpus holds of it (its newest 200,000 at
-- most), counted without building it, so a run whose learned statistics still hold reads no text.
create or replace temp table learning_corpus_size as
select lang, least(count(*), 200000) as records
from (select script_language(coalesce(text_redacted, text_raw)) as lang from feedback_records)
where lang in ('zh', 'vi', 'en')
group by lang;
