-- Grain: one row per feedback record whose current version the text stage has not read with the
-- current analyzer (getvariable('text_analyzer')): new records, changed records, and every record
-- after a dictionary or stop-word change. Redacted text only; `seq` numbers the rows for batching.
create or replace temp table pending_text as
with records as (
    select
        hospital,
        source,
        id,
        content_hash,
        coalesce(text_redacted, text_raw) as text_redacted,
        script_language(department_raw) as fallback_lang
    from feedback_records
),

current_analyses as (
    select hospital, source, id, content_hash
    from text_analyses
    where analyzer = getvariable('text_analyzer')
),

final as (
    select row_number() over (order by records.hospital, records.source, records.id)::integer as seq, records.*
    from records
    anti join current_analyses using (hospital, source, id, content_hash)
)

select * from final;
