-- Grain: one row per hospital per department name as its sources write it (department_raw): a
-- department belongs to its hospital, so one name in two hospitals is two departments. Resolved through
-- the reference tables to a department code. Spellings that resolve to one code in one hospital,
-- written in one language (script_language), are one department, one series, as they were when
-- each showed the code's name in its language; it is shown under one name: the name that hospital
-- uses, never the shipped table's canonical name for it (a hospital that writes "Maternity" or
-- 小儿科 reads "Maternity" and 小儿科). That name is the hospital's own departments.csv's (a
-- reference_dirs folder) in that language, else the spelling its records use most (ties: the
-- first in order). name_lang is that language (what a pack's file name is made from).
-- A name no alias matches is kept as written and flagged is_known = false, never dropped; as it
-- is published (pages, packs, their file names), its `department` is redacted (redact_pii.sql).
create or replace table dim_department as
-- A name is redacted in `spellings`, once per name and below the joins: DuckDB sets a call's regular
-- expressions up again for each join below it (README, "where a tiny run's fixed cost goes").
with spellings as (
    select hospital, department_raw, count(*) as records, redact_pii(department_raw) as department_redacted
    from (
        select hospital, department_raw from feedback_records
        union all
        select hospital, department_raw from survey_responses
    )
    group by hospital, department_raw
),

every_department as (
    select code, name_en, name_zh, name_vi, file_rank
    from stg_departments
),

-- one row per code: a hospital's own table (a later reference_dirs folder) over the shipped one
departments as (
    select * from every_department
    qualify row_number() over (partition by code order by file_rank desc) = 1
),

exact_keys as (
    select normalize_key(name) as alias_key, min(code) as code
    from int_department_names
    group by 1
),

-- without diacritics two names can fold together; such a folded key resolves nothing
folded_keys as (
    select folded_key(name) as alias_key, min(code) as code
    from int_department_names
    group by 1
    having count(distinct code) = 1
),

resolved as (
    select
        spellings.hospital,
        spellings.department_raw,
        spellings.records,
        spellings.department_redacted,
        script_language(spellings.department_raw) as name_lang,
        coalesce(exact_keys.code, folded_keys.code) as department_code
    from spellings
    left join exact_keys on exact_keys.alias_key = normalize_key(spellings.department_raw)
    left join folded_keys on folded_keys.alias_key = folded_key(spellings.department_raw)
),

-- the spelling each hospital uses most for each department it writes, in each language
usual_spellings as (
    select hospital, department_code, name_lang, first(department_raw order by records desc, department_raw) as usual
    from resolved
    where department_code is not null
    group by all
),

shown as (
    select
        usual_spellings.hospital,
        usual_spellings.department_code,
        usual_spellings.name_lang,
        coalesce(
            case when departments.file_rank > 1 then
                case usual_spellings.name_lang
                    when 'zh' then departments.name_zh
                    when 'vi' then departments.name_vi
                    else departments.name_en
                end
            end,
            usual_spellings.usual
        ) as department
    from usual_spellings
    inner join departments on departments.code = usual_spellings.department_code
),

final as (
    select
        resolved.hospital,
        resolved.department_raw,
        resolved.department_code,
        coalesce(shown.department, resolved.department_redacted) as department,
        shown.name_lang,
        shown.department is not null as is_known
    from resolved
    left join shown
        on shown.hospital = resolved.hospital and shown.department_code = resolved.department_code and shown.name_lang = resolved.name_lang
)

select * from final;
