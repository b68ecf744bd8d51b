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
