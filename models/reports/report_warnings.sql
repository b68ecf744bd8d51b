-- Grain: one row per warning of the warning log: the fields of it that do not change while it
-- stays open (what it is about, when it opened and closed), so that a report of an earlier
-- period reads the same in every later run. The log keeps one opening per warning: a warning
-- resolved and raised again shows its latest opening only. Sentinel events are warnings of kind
-- `sentinel`; their record is the first of evidence_ids.
create or replace temp table report_warnings as
with logged as (
    select * from report_warning_log
),

-- a sentinel's record, quoted in the bulletin; ids are unique within a hospital's source, so one
-- per hospital and id
evidence as (
    select hospital, id, arg_min(text_redacted, source) as text_redacted from report_feedback group by hospital, id
),

final as (
    select
        logged.id,
        json_extract_string(warning, '$.kind') as kind,
        json_extract_string(warning, '$.department') as department,
        json_extract_string(warning, '$.category') as category,
        json_extract_string(warning, '$.location') as location,
        json_extract_string(warning, '$.keywords[0]') as first_keyword,
        json_extract_string(warning, '$.evidence_ids[0]') as first_evidence_id,
        case when json_extract_string(warning, '$.kind') = 'sentinel' then evidence.text_redacted end as sentinel_text,
        strftime(logged.first_as_of, '%Y-%m-%d') as first_as_of,
        strftime(logged.resolved_as_of, '%Y-%m-%d') as resolved_as_of
    from logged
    left join evidence
        on evidence.hospital = json_extract_string(warning, '$.hospital')
        and evidence.id = json_extract_string(warning, '$.evidence_ids[0]')
)

select * from final;
