-- Grain: one row per feedback record of any kind received from $from to $to (hospital-local
-- dates): what sentinel detection reads (pipeline/warnings/sentinel.ts), with the working-day
-- calendar of the file it came from. The raw text is read here because a pattern must see the
-- words as written; it is matched in memory and dropped there: only the phrases the patterns
-- matched and the redacted text go on into a warning.
-- The source is redacted in `feedback`, below the joins: DuckDB sets a call's regular expressions up
-- again for each join below it (README, "where a tiny run's fixed cost goes").
with feedback as (
    select hospital, source, id, redact_pii(source) as evidence_source, received_at, kind, department, category, location, text_redacted
    from fct_feedback
    where received_at::date between $from::date and $to::date
),

records as (
    select hospital, source, id, text_raw, file_id from feedback_records
),

final as (
    select
        feedback.hospital,
        feedback.source,
        feedback.id,
        -- the source as the feedback export publishes it, for the warning's (source, id) evidence
        feedback.evidence_source,
        strftime(feedback.received_at, '%Y-%m-%d') as received_day,
        feedback.kind,
        feedback.department,
        feedback.category,
        feedback.location,
        feedback.text_redacted,
        records.text_raw,
        coalesce(calendars.calendar, 'none') as calendar
    from feedback
    inner join records on records.hospital = feedback.hospital and records.source = feedback.source and records.id = feedback.id
    left join file_calendar as calendars on calendars.file_id = records.file_id
)

select * from final
order by received_day, hospital, source, id
