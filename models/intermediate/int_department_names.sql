-- Grain: one row per way of writing a known department (code): the aliases of
-- department_aliases.csv, the names of departments.csv in each language and the code itself, from
-- the shipped tables and the hospital's own. What dim_department resolves names against, and what
-- the data-quality report suggests matches from.
create or replace table int_department_names as
with departments as (
    select trim(code) as code, trim(name_en) as name_en, trim(name_zh) as name_zh, trim(name_vi) as name_vi
    from ref_departments_raw
),

final as (
    select trim(code) as code, alias as name from ref_department_aliases_raw
    union all select code, name_en from departments
    union all select code, name_zh from departments
    union all select code, name_vi from departments
    union all select code, code from departments
)

select * from final
where code is not null and normalize_key(name) is not null;
