-- Grain: one row per way of writing a known department (code): the aliases of
-- department_aliases.csv, the names of departments.csv in each language and the code itself, from
-- the shipped tables and the hospital's own. What dim_department resolves names against, and what
-- the data-quality report suggests matches from.
create or replace table int_department_names as
with departments as (
    select code, name_en, name_zh, name_vi
    from stg_departments
),

final as (
    select code, alias as name from stg_department_aliases
    union all select code, name_en from departments
    union all select code, name_zh from departments
    union all select code, name_vi from departments
    union all select code, code from departments
)

select * from final
where code is not null and normalize_key(name) is not null;
