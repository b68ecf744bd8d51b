-- Grain: one row per (field, alias key): how exports write channel, kind, status, satisfied,
-- category and patient_type, mapped onto the contract's values. Built from ref_value_aliases_raw,
-- which holds the shipped data/reference/value_aliases.csv and any the hospital adds.
create or replace temp table value_lookup as
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

final as (
    -- an alias given twice with different values takes the first value in alphabetical order,
    -- so a run never depends on file order
    select field, alias_key, min(value) as value
    from keyed
    group by field, alias_key
)

select * from final;
