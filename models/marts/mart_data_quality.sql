-- The data-quality report of the warehouse: what was held back and why, which department names
-- no reference table knows, and which coded values were not recognised (kept raw, mapped to
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

-- Grain: one row per hospital per (field, value as written) that the value aliases did not recognise, with the
-- value redacted for the report (value_redacted).
create or replace table mart_unrecognised_values as
with unrecognised as (
    select hospital, 'channel' as field, channel_raw as value_raw from feedback_records
    where channel_raw is not null
        and normalize_key(channel_raw) not in (select alias_key from value_lookup where field = 'channel')
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
