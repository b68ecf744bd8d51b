-- Grain: one row per complaint behind a detector warning (alert_group_records): what its
-- department, category, place, keywords and quotes are read from, and its (source, id) as the
-- warning publishes it: the source redacted as the feedback export shows it, so the pair finds the row there.
select
    groups.group_id,
    feedback.hospital,
    feedback.source,
    feedback.id,
    redact_pii(feedback.source) as evidence_source,
    feedback.department,
    feedback.category,
    feedback.location,
    feedback.lang,
    feedback.text_redacted,
    coalesce(analyses.terms, []::varchar[]) as terms
from alert_group_records as groups
inner join fct_feedback as feedback using (hospital, source, id)
left join text_analyses as analyses using (hospital, source, id)
order by groups.group_id, feedback.received_at, feedback.hospital, feedback.source, feedback.id;
