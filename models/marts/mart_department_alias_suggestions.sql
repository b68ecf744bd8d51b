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
