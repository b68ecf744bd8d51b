-- Grain: one row per warning of the warning log: the fields of it that do not change while it
-- stays open (what it is about, when it opened and closed), so that a report of an earlier
-- period reads the same in every later run. The log keeps one opening per warning: a warning
-- resolved and raised again shows its latest opening only. Sentinel events are warnings of kind
-- `sentinel`; their record is the first of `evidence` (source, id), the first of evidence_ids.
create or replace temp table report_warnings as
with logged as (
    select
        *,
        warning ->> 'hospital' as hospital,
        warning ->> '$.evidence_ids[0]' as first_evidence_id,
        -- ids are unique only within a hospital's source: two systems of one hospital may share them
        warning ->> '$.evidence[0].source' as first_evidence_source
    from report_warning_log
),

-- the records sentinels name, with their source as the warning's evidence writes it (redacted)
evidence as (
    select hospital, redact_pii(source) as source, id, text_redacted
    from report_feedback
    where id in (select first_evidence_id from logged where warning ->> 'kind' = 'sentinel')
),

-- a sentinel's record, quoted in the bulletin: by (source, id); a warning logged before evidence
-- carried sources names its id alone (then the first source of that id)
sentinel_texts as (
    select logged.id, arg_min(evidence.text_redacted, evidence.source) as text_redacted
    from logged
    inner join evidence
        on evidence.hospital = logged.hospital
        and evidence.id = logged.first_evidence_id
        and (logged.first_evidence_source is null or evidence.source = logged.first_evidence_source)
    where logged.warning ->> 'kind' = 'sentinel'
    group by logged.id
),

final as (
    select
        logged.id,
        json_extract_string(warning, '$.kind') as kind,
        json_extract_string(warning, '$.department') as department,
        json_extract_string(warning, '$.category') as category,
        json_extract_string(warning, '$.location') as location,
        json_extract_string(warning, '$.keywords[0]') as first_keyword,
        logged.first_evidence_id,
        sentinel_texts.text_redacted as sentinel_text,
        strftime(logged.first_as_of, '%Y-%m-%d') as first_as_of,
        strftime(logged.resolved_as_of, '%Y-%m-%d') as resolved_as_of
    from logged
    left join sentinel_texts on sentinel_texts.id = logged.id
)

select * from final;
