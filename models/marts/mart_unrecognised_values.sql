-- Grain: one row per hospital per (field, value as written) that the value aliases did not recognise, with the
-- value redacted for the report (value_redacted).
-- The personal-data macros cost 0.04 CPU-s a call to set up, whatever the rows, and again for each
-- join above the call (README, "Where that fixed cost goes"): each is called once, over distinct values.
create or replace table mart_unrecognised_values as
with held_back as (
    -- a kind, satisfied, solved or patient_type nobody recognised holds its record back (a praise must not
    -- count as a complaint): the quarantine of the file's latest reading keeps the value, redacted
    -- as in mart_quarantine, and it is reported here too
    select quarantine.hospital, quarantine.column_name, quarantine.value
    from quarantine
    semi join (select max(file_id) as file_id from ingested_files where status = 'loaded' group by path) using (file_id)
    where quarantine.column_name in ('kind', 'satisfied', 'solved', 'patient_type') and quarantine.value is not null
),

held_back_redacted as materialized (
    select value, redact_pii(value) as value_redacted from (select distinct value from held_back)
),

unrecognised as (
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
    select held_back.hospital, held_back.column_name, held_back_redacted.value_redacted
    from held_back
    inner join held_back_redacted using (value)
),

counted as (
    select hospital, field, value_raw, count(*)::integer as records
    from unrecognised
    group by hospital, field, value_raw
),

withheld as materialized (
    select value_raw, withhold_pii(value_raw) as value_redacted from (select distinct value_raw from counted)
),

final as (
    select counted.hospital, counted.field, counted.value_raw, withheld.value_redacted, counted.records
    from counted
    left join withheld using (value_raw)
)

select * from final order by hospital, field, records desc, value_raw;
