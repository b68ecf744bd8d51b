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
),

-- the paths and values, redacted by one call of the macro over their distinct values and joined
-- back: a call costs 0.04 CPU-s to set up whatever the rows, and again for each join above it
-- (README, "Where that fixed cost goes")
redacted as materialized (
    select value, redact_pii(value) as value_redacted
    from (
        select path as value from latest_readings
        union select value from quarantine semi join latest_readings using (file_id)
    )
    where value is not null
)

select
    quarantine.hospital,
    redacted_path.value_redacted as path,
    files.kind,
    quarantine.file_row,
    quarantine.file_line,
    quarantine.column_name,
    quarantine.reason as reason_code,
    coalesce(wording.en, quarantine.reason) as reason,
    redacted_value.value_redacted as value_redacted,
    files.read_at
from quarantine
inner join latest_readings using (file_id)
inner join ingested_files as files using (file_id)
left join redacted as redacted_path on redacted_path.value = files.path
left join redacted as redacted_value on redacted_value.value = quarantine.value
left join stg_quarantine_reasons as wording on wording.code = quarantine.reason;
