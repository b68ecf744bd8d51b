-- Grain: one row per hospital per department name as its sources write it (department_raw): a
-- department belongs to its hospital, so one name in two hospitals is two departments. Resolved through
-- the reference tables to a department code and its canonical name. The canonical name is given
-- in the language the source wrote it in, so a Chinese hospital's reports stay in Chinese.
-- A name no alias matches is kept as written and flagged is_known = false, never dropped; as it
-- is published (pages, packs, their file names), its `department` is redacted (redact_pii.sql).
create or replace table dim_department as
with names as (
    select distinct hospital, department_raw from feedback_records
    union
    select distinct hospital, department_raw from survey_responses
),

departments as (
    select trim(code) as code, trim(name_en) as name_en, trim(name_zh) as name_zh, trim(name_vi) as name_vi
    from ref_departments_raw
),

every_alias as (
    select code, alias from ref_department_aliases_raw
    union all select code, name_en from departments
    union all select code, name_zh from departments
    union all select code, name_vi from departments
    union all select code, code from departments
),

exact_keys as (
    select normalize_key(alias) as alias_key, min(trim(code)) as code
    from every_alias
    where normalize_key(alias) is not null
    group by 1
),

-- without diacritics two names can fold together; such a folded key resolves nothing
folded_keys as (
    select folded_key(alias) as alias_key, min(trim(code)) as code
    from every_alias
    where folded_key(alias) is not null
    group by 1
    having count(distinct trim(code)) = 1
),

resolved as (
    select
        names.hospital,
        names.department_raw,
        coalesce(exact_keys.code, folded_keys.code) as department_code
    from names
    left join exact_keys on exact_keys.alias_key = normalize_key(names.department_raw)
    left join folded_keys on folded_keys.alias_key = folded_key(names.department_raw)
),

final as (
    select
        resolved.hospital,
        resolved.department_raw,
        resolved.department_code,
        case
            when departments.code is null then redact_pii(resolved.department_raw)
            when script_language(resolved.department_raw) = 'zh' then departments.name_zh
            when script_language(resolved.department_raw) = 'vi' then departments.name_vi
            else departments.name_en
        end as department,
        departments.code is not null as is_known
    from resolved
    left join departments on departments.code = resolved.department_code
)

select * from final;
