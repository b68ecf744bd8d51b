-- Grain: one row per row of fix_input: the problem the fix is about, resolved, and `problem`, the
-- code of the reason a row is quarantined for (data/reference/quarantine_reasons.json; null when
-- it is reviewed). A row names its warning
-- (`warning_id`, from the warning log: its hospital, department, category, place and, for an
-- emerging term, the term) or the problem itself (department, category, location, keywords);
-- what a row gives beside a warning_id narrows it. The hospital is the row's own `hospital`,
-- else its warning's, else its file's (first folder, as for records: contract section 1).
create or replace temp table stg_fixes as
-- The personal-data macros run in `input` and `warnings`, below the joins: DuckDB sets a call's
-- regular expressions up again for each join below it (README, "where a tiny run's fixed cost goes").
with input as (
    select
        *,
        clean_hospital(hospital) as given_hospital,
        clean_hospital(hospital_of_path(path, getvariable('default_hospital'))) as path_hospital,
        nullif(trim(warning_id), '') as given_warning,
        lower(nullif(trim(category), '')) as given_category,
        nullif(trim(department), '') as given_department,
        nullif(trim(location), '') as given_location,
        -- published: the place redacted as records' is
        redact_pii(nullif(trim(location), '')) as given_location_redacted,
        redact_pii(nullif(trim(action), '')) as action_redacted,
        list_filter(
            -- redacted as records' text is (so they match it and publish nothing personal), in one call
            list_transform(regexp_split_to_array(coalesce(redact_pii(keywords), ''), '[;|,、，；]'), keyword -> trim(keyword)),
            keyword -> keyword <> ''
        ) as given_keywords,
        coalesce(try_strptime(trim(fixed_on), '%Y-%m-%d'), try_strptime(trim(fixed_on), '%Y/%m/%d'))::date as fixed_day
    from fix_input
),

warnings as (
    select
        id,
        warning ->> 'kind' as kind,
        warning ->> 'hospital' as hospital,
        warning ->> 'department' as department,
        warning ->> 'category' as category,
        warning ->> 'location' as location,
        redact_pii(warning ->> 'location') as location_redacted,
        -- an emerging term's warning is about its term; the keywords of the others only describe them
        case when warning ->> 'kind' = 'emerging_term' then [warning -> 'keywords' ->> 0] else [] end as keywords
    from warning_log
    -- only the warnings a row names: the log of years of runs is not redacted for a few fixes, or none
    semi join input on input.given_warning = warning_log.id
),

named as (
    select
        input.*,
        warnings.id is not null as warning_known,
        coalesce(input.given_hospital, warnings.hospital, input.path_hospital) as fix_hospital,
        coalesce(input.given_department, warnings.department) as fix_department,
        coalesce(input.given_category, warnings.category) as fix_category,
        coalesce(input.given_location, warnings.location) as fix_location,
        coalesce(input.given_location_redacted, warnings.location_redacted) as fix_location_redacted,
        case when len(input.given_keywords) > 0 then input.given_keywords else coalesce(warnings.keywords, []) end as fix_keywords,
        warnings.hospital as warning_hospital
    from input
    left join warnings on warnings.id = input.given_warning
),

-- a department as the hospital's sources or the reference tables name it, in any of its names
departments as (
    select
        named.path,
        named.file_row,
        list(distinct dim.department order by dim.department) as fix_departments
    from named
    inner join dim_department as dim
        on dim.hospital = named.fix_hospital
        and normalize_key(named.fix_department) in (normalize_key(dim.department_raw), normalize_key(dim.department), normalize_key(dim.department_code))
    group by all
),

final as (
    select
        named.path,
        named.file_row,
        named.fix_hospital as hospital,
        named.given_warning as warning_id,
        -- published: the department's canonical name (a name that resolves to none is quarantined)
        coalesce(departments.fix_departments[1], named.fix_department) as department,
        coalesce(departments.fix_departments, []) as departments,
        named.fix_category as category,
        named.fix_location_redacted as location,
        named.fix_keywords as keywords,
        named.fixed_day as fixed_on,
        named.action_redacted as action,
        case
            when named.broken then 'fix_row_unreadable'
            when named.fixed_day is null and nullif(trim(named.fixed_on), '') is null then 'fixed_on_empty'
            when named.fixed_day is null then 'fixed_on_not_a_date'
            when named.given_warning is not null and not named.warning_known then 'fix_warning_unknown'
            when named.given_warning is not null and named.given_hospital is not null and named.given_hospital <> named.warning_hospital
                then 'fix_warning_other_hospital'
            when named.fix_hospital not in (select hospital from dim_hospital) then 'fix_hospital_unknown'
            when named.given_warning is null and named.fix_department is null and named.fix_category is null
                and named.fix_location is null and len(named.fix_keywords) = 0
                then 'fix_nothing_to_review'
            when named.fix_category is not null and named.fix_category not in ('process', 'attitude', 'quality', 'cost', 'facility', 'other')
                then 'fix_category_unknown'
            when named.fix_department is not null and departments.fix_departments is null then 'fix_department_unknown'
        end as problem
    from named
    left join departments using (path, file_row)
)

select * from final;
