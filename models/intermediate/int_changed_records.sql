-- Grain: one row per feedback record or survey response (record_type `feedback` or `survey`;
-- hospital, source, id: a response's id is its response_id) whose rows in the incremental marts
-- (pipeline/plan.ts, INCREMENTAL_MODELS) must be built again: new, changed or gone since they
-- were last built. A record's version is what those rows read of it: its stored version (its
-- content_hash), its file's calendar, the language and inferred category the text stage gave it,
-- and its department's row in dim_department (whose name may follow the spellings of other
-- records). Compared with the versions the marts were last built from
-- (int_record_versions, empty after a whole rebuild was decided), a record of a run that crashed
-- before they were stored is built again. current_record_versions keeps this run's versions for
-- int_record_versions.
create table if not exists int_record_versions (
    record_type varchar not null,
    hospital varchar,
    source varchar not null,
    id varchar not null,
    version ubigint not null,
    fingerprint varchar not null
);

create or replace temp table current_record_versions as
with departments as (
    -- hashed once per department, not once per record
    select hospital, department_raw, hash(department) as department_version from dim_department as department
)

select
    'feedback' as record_type,
    records.hospital,
    records.source,
    records.id,
    hash(records.content_hash, calendars.calendar, analyses.lang, inferred.category, departments.department_version) as version
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
    hash(responses.content_hash, departments.department_version) as version
from survey_responses as responses
left join departments on departments.hospital = responses.hospital and departments.department_raw = responses.department_raw;

create or replace table int_changed_records as
select coalesce(current.record_type, built.record_type) as record_type, coalesce(current.hospital, built.hospital) as hospital, coalesce(current.source, built.source) as source, coalesce(current.id, built.id) as id
from current_record_versions as current
full outer join int_record_versions as built
    on built.record_type = current.record_type and built.hospital is not distinct from current.hospital and built.source = current.source and built.id = current.id
where current.version is distinct from built.version;
