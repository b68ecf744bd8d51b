-- Grain: one row per (field, alias key): how exports write channel, kind, status, satisfied,
-- solved, category, patient_type and survey_mode, mapped onto the contract's values. Built from ref_value_aliases_raw,
-- which holds the shipped data/reference/value_aliases.csv and any the hospital adds.
create or replace temp table stg_value_aliases as
with aliases as (
    select field, alias, value from ref_value_aliases_raw
),

keyed as (
    select distinct
        lower(trim(field)) as field,
        normalize_key(alias) as alias_key,
        lower(trim(value)) as value
    from aliases
    where normalize_key(alias) is not null
),

-- the values each field may take (the enum types of landing/feedback_records.sql and
-- survey_responses.sql): an alias onto anything else (a typo in a hospital's own alias file)
-- would stop the load at the cast, so it maps nothing and the value it was meant for is reported
-- as not recognised
contract_values as (
    select 'channel' as field, unnest(enum_range(null::channel_type))::varchar as value
    union all select 'kind', unnest(enum_range(null::feedback_kind_type))::varchar
    union all select 'category', unnest(enum_range(null::category_type))::varchar
    union all select 'status', unnest(enum_range(null::status_type))::varchar
    union all select 'satisfied', unnest(enum_range(null::satisfied_type))::varchar
    union all select 'solved', unnest(enum_range(null::solved_type))::varchar
    union all select 'patient_type', unnest(enum_range(null::patient_type_type))::varchar
    -- hearken's extension of the survey record: how it was taken
    union all select 'survey_mode', unnest(['ward_visit', 'post_discharge_call', 'kiosk', 'online', 'other'])
),

final as (
    -- an alias given twice with different values takes the first value in alphabetical order,
    -- so a run never depends on file order
    select field, alias_key, min(value) as value
    from keyed
    semi join contract_values using (field, value)
    group by field, alias_key
)

select * from final;
