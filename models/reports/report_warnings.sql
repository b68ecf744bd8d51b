-- Grain: one row per warning of the warning log: the fields of it that do not change while it
-- stays open (what it is about, when it opened and closed), so that a report of an earlier
-- period reads the same in every later run. The log keeps one opening per warning: a warning
-- resolved and raised again shows its latest opening only. Sentinel events are warnings of kind
-- `sentinel`; their record is the first of evidence_ids.
create or replace temp table report_warnings as
with logged as (
    select * from report_warning_log
),

-- a sentinel's record, quoted in the bulletin; ids are unique within a source, so one per id
evidence as (
    select id, arg_min(text_redacted, source) as text_redacted from report_feedback group by id
),

final as (
    select
        logged.id,
        warning ->> 'kind' as kind,
        warning ->> 'department' as department,
        warning ->> 'category' as category,
        warning ->> 'location' as location,
        warning ->> '$.keywords[0]' as first_keyword,
        warning ->> '$.evidence_ids[0]' as first_evidence_id,
        case when warning ->> 'kind' = 'sentinel' then evidence.text_redacted end as sentinel_text,
        logged.first_as_of,
        logged.resolved_as_of
    from logged
    left join evidence on evidence.id = warning ->> '$.evidence_ids[0]'
)

select * from final;
