-- Grain: one row per feedback record or survey response (record_type `feedback` or `survey`;
-- hospital, source, id: a response's id is its response_id): its version as the incremental marts
-- read it this run (see int_changed_records), kept for int_record_versions after the last mart,
-- and when it happened (received_at, submitted_at): the periods it counts in (int_changed_periods).
create or replace temp table int_current_record_versions as
with departments as (
    -- hashed once per department, not once per record
    select hospital, department_raw, hash(department) as department_version from dim_department as department
)

select
    'feedback' as record_type,
    records.hospital,
    records.source,
    records.id,
    hash(records.content_hash, calendars.calendar, analyses.lang, analyses.terms, analyses.surfaces, inferred.category, departments.department_version) as version,
    records.received_at as happened_at
from feedback_records as records
left join file_calendar as calendars on calendars.file_id = records.file_id
left join text_analyses as analyses
    on analyses.hospital = records.hospital and analyses.source = records.source and analyses.id = records.id and analyses.content_hash = records.content_hash
left join inferred_categories as inferred
    on inferred.hospital = records.hospital and inferred.source = records.source and inferred.id = records.id
left join departments on departments.hospital = records.hospital and departments.department_raw = records.department_raw
union all
select
    'survey' as record_type,
    responses.hospital,
    responses.source,
    responses.response_id as id,
    hash(responses.content_hash, departments.department_version) as version,
    responses.submitted_at as happened_at
from survey_responses as responses
left join departments on departments.hospital = responses.hospital and departments.department_raw = responses.department_raw;
