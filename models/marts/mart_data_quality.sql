-- The data-quality report of the warehouse: what was held back and why, which department names
-- no reference table knows (and which known department each likely means), and which coded values were not recognised (kept raw, mapped to
-- other or left blank). One table per question; each states its grain.

-- Grain: one row per quarantined input row of the latest reading of each file path (an older
-- reading's problems are superseded when the file changes or is read again under new rules),
-- with its file's path and the row's hospital (its own, else its file's). Values and paths are redacted because this table feeds the published report.
-- `reason_code` is the code staging wrote; `reason` its English wording (stg_quarantine_reasons).
create or replace table mart_quarantine as
with latest_readings as (
    select path, max(file_id) as file_id
    from ingested_files
    where status = 'loaded'
    group by path
)

select
    quarantine.hospital,
    redact_pii(files.path) as path,
    files.kind,
    quarantine.file_row,
    quarantine.file_line,
    quarantine.column_name,
    quarantine.reason as reason_code,
    coalesce(wording.en, quarantine.reason) as reason,
    redact_pii(quarantine.value) as value_redacted,
    files.read_at
from quarantine
inner join latest_readings using (file_id)
inner join ingested_files as files using (file_id)
left join stg_quarantine_reasons as wording on wording.code = quarantine.reason;

-- Grain: one row per hospital per department name that resolved to no known department; `department` is the
-- name as written, redacted (dim_department), which is what the report shows.
create or replace table mart_unknown_departments as
with feedback as (
    select hospital, department_raw, count(*) as records from feedback_records group by all
),

surveys as (
    select hospital, department_raw, count(*) as records from survey_responses group by all
),

final as (
    select
        dim.hospital,
        dim.department_raw,
        dim.department,
        coalesce(feedback.records, 0)::integer as feedback_records,
        coalesce(surveys.records, 0)::integer as survey_responses
    from dim_department as dim
    left join feedback using (hospital, department_raw)
    left join surveys using (hospital, department_raw)
    where not dim.is_known
)

select * from final order by hospital, feedback_records + survey_responses desc, department_raw;

-- Grain: one row per hospital per unknown department name (mart_unknown_departments) per known
-- department it likely means, as a row to paste into department_aliases.csv (`alias`, `code`),
-- with the department's name in the language the name is written in. A match is found, best
-- first: the same name once the words hospitals add or drop are gone (`prefix`: K. Cấp cứu,
-- Cấp cứu, 急诊, Dept of Cardiology; department_core.sql); the initials of a known name
-- (`abbreviation`: CĐHA, TMH); a known name within a small edit distance (`edit_distance`: 1 for
-- names of 4 to 7 letters, 2 from 8; Latin letters only, as DuckDB counts bytes). Only the best
-- kind and distance found is listed; where it points at several departments, each is a row,
-- for a person to choose. Names with no likely match have no row.
create or replace table mart_department_alias_suggestions as
with unknown as (
    select
        hospital,
        department_raw,
        department,
        feedback_records,
        survey_responses,
        department_core(department_raw) as core,
        script_language(department_raw) as lang
    from mart_unknown_departments
),

known as (
    select distinct code, department_core(name) as core, department_initials(name) as initials
    from int_department_names
),

matches as (
    select unknown.hospital, unknown.department_raw, known.code, 'prefix' as method, null::integer as distance, 0 as rank
    from unknown inner join known on known.core = unknown.core
    union all
    select unknown.hospital, unknown.department_raw, known.code, 'abbreviation', null, 1
    from unknown inner join known on length(known.initials) >= 2 and known.initials = unknown.core
    union all
    select unknown.hospital, unknown.department_raw, known.code, 'edit_distance', levenshtein(known.core, unknown.core), 1 + levenshtein(known.core, unknown.core)
    from unknown
    inner join known
        on not regexp_matches(unknown.core, '[^a-z0-9]')
        and not regexp_matches(known.core, '[^a-z0-9]')
        and least(length(unknown.core), length(known.core)) >= 4
        and levenshtein(known.core, unknown.core) <= case when greatest(length(unknown.core), length(known.core)) >= 8 then 2 else 1 end
),

best as (
    select distinct hospital, department_raw, code, method, distance
    from matches
    qualify rank = min(rank) over (partition by hospital, department_raw)
),

departments as (
    select code, name_en, name_zh, name_vi
    from stg_departments
    qualify row_number() over (partition by code order by file_rank desc) = 1
),

final as (
    select
        unknown.hospital,
        unknown.department as alias,
        best.code,
        case unknown.lang when 'zh' then departments.name_zh when 'vi' then departments.name_vi else departments.name_en end as name,
        best.method,
        best.distance,
        unknown.feedback_records,
        unknown.survey_responses
    from best
    inner join unknown using (hospital, department_raw)
    inner join departments using (code)
)

select * from final order by hospital, feedback_records + survey_responses desc, alias, code;

-- Grain: one row per hospital per (field, value as written) that the value aliases did not recognise, with the
-- value redacted for the report (value_redacted).
create or replace table mart_unrecognised_values as
with unrecognised as (
    select hospital, 'channel' as field, channel_raw as value_raw from feedback_records
    where channel_raw is not null
        and normalize_key(channel_raw) not in (select alias_key from stg_value_aliases where field = 'channel')
    union all
    select hospital, 'survey_mode', survey_mode_raw from survey_responses
    where survey_mode_raw is not null
        and normalize_key(survey_mode_raw) not in (select alias_key from stg_value_aliases where field = 'survey_mode')
    union all
    select hospital, 'category', category_raw from feedback_records where category_raw is not null and category is null
    union all
    select hospital, 'status', status_raw from feedback_records where status_raw is not null and status is null
    union all
    -- a kind, satisfied, solved or patient_type nobody recognised holds its record back (a praise must not
    -- count as a complaint): the quarantine of the file's latest reading keeps the value, redacted
    -- as in mart_quarantine, and it is reported here too
    select quarantine.hospital, quarantine.column_name, redact_pii(quarantine.value)
    from quarantine
    semi join (select max(file_id) as file_id from ingested_files where status = 'loaded' group by path) using (file_id)
    where quarantine.column_name in ('kind', 'satisfied', 'solved', 'patient_type') and quarantine.value is not null
),

final as (
    select hospital, field, value_raw, withhold_pii(value_raw) as value_redacted, count(*)::integer as records
    from unrecognised
    group by hospital, field, value_raw
)

select * from final order by hospital, field, records desc, value_raw;
