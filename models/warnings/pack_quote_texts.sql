-- Grain: one row per feedback record behind a warning of a department pack (pack_quote_records),
-- with the redacted text its quotes were cut from and the same text with staff names kept
-- (redact_pii_keep_staff). Read only when a hospital's config asks for staff names in its own
-- department packs. The raw text is read here through that macro and never otherwise: patients'
-- names, numbers, IDs and e-mail addresses are gone from both columns.
select
    feedback.id,
    feedback.text_redacted,
    redact_pii_keep_staff(records.text_raw) as text_keep_staff
from fct_feedback as feedback
inner join feedback_records as records using (hospital, source, id)
where feedback.id in (select id from pack_quote_records)
order by feedback.id, feedback.source;
