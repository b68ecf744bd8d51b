-- Writes one batch of the text stage's pending records (pending_text, getvariable('first_seq') to
-- getvariable('last_seq')) to getvariable('texts_file') as JSON, an object per line: the worker
-- threads read their texts from it, so the main thread never turns the batch's text into strings.
copy (
    select seq, text_redacted as text, fallback_lang as fallback
    from pending_text
    where seq between getvariable('first_seq') and getvariable('last_seq')
    order by seq
) to (getvariable('texts_file')) (format json);
