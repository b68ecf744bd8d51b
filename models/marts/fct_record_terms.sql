-- Grain: one row per distinct term per feedback record, with the record's time, place and labels:
-- the base of every document frequency. A view, so a run does not copy the largest table.
create or replace view fct_record_terms as
select
    feedback.hospital,
    feedback.source,
    feedback.id,
    feedback.received_at,
    feedback.department,
    feedback.location,
    feedback.channel,
    feedback.kind,
    feedback.lang,
    feedback.category,
    terms.term,
    terms.surface
from record_terms as terms
inner join fct_feedback as feedback using (hospital, source, id);
