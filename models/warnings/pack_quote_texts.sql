-- Grain: one row per feedback record behind a warning of a department pack (pack_quote_records:
-- each warning's hospital and its evidence as (source, id) pairs, as an id is unique only within
-- its hospital's source), with the redacted text its quotes were cut from and the same text with
-- staff names kept (redact_pii_keep_staff). Read only when a hospital's config asks for staff names in its own
-- department packs. The raw text is read here through that macro and never otherwise: patients'
-- names, numbers, IDs and e-mail addresses are gone from both columns.
with evidence as (
    select hospital, source, id from pack_quote_records
),

candidates as (
    -- the evidence names a record by its source as the feedback export publishes it (redacted)
    select feedback.hospital, feedback.source, redact_pii(feedback.source) as evidence_source, feedback.id, feedback.text_redacted
    from fct_feedback as feedback
    where feedback.id in (select id from evidence)
),

final as (
    select
        candidates.hospital,
        candidates.evidence_source as source,
        candidates.id,
        candidates.text_redacted,
        redact_pii_keep_staff(records.text_raw) as text_keep_staff
    from candidates
    inner join evidence
        on evidence.hospital is not distinct from candidates.hospital and evidence.source = candidates.evidence_source and evidence.id = candidates.id
    inner join feedback_records as records
        on records.hospital = candidates.hospital and records.source = candidates.source and records.id = candidates.id
)

select * from final
order by hospital, source, id;
