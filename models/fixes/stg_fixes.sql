-- Grain: one row per row of fix_input: the problem the fix is about, resolved, and `problem`, the
-- code of the reason a row is quarantined for (data/reference/quarantine_reasons.json; null when
-- it is reviewed). A row names its warning
-- (`warning_id`, from the warning log: its hospital, department, category, place and, for an
-- emerging term, the term) or the problem itself (department, category, location, keywords);
-- what a row gives beside a warning_id narrows it. The hospital is the row's own `hospital`,
-- else its warning's, else its file's (first folder, as for records: contract section 1).
create or replace temp table stg_fixes as
-- The personal-data macros cost 0.04 CPU-s a call to set up, whatever the rows, and again for each
-- join above the call (README, "Where that fixed cost goes"): the hospitals, places, actions and
-- keywords as given, and the named warnings' places, are redacted by one call over their distinct
-- values and joined back. A fixes file is a few rows, read by every run.
with fix_rows as (
    select
        *,
        folded_name(hospital) as hospital_folded,
        folded_name(hospital_of_path(path, getvariable('default_hospital'))) as path_hospital_folded,
        nullif(trim(warning_id), '') as given_warning,
        nullif(trim(location), '') as given_location,
        nullif(trim(action), '') as given_action
    from fix_input
),

-- only the warnings a row names: the log of years of runs is not redacted for a few fixes, or none
named_warnings as (
    select id, warning
    from warning_log
    semi join fix_rows on fix_rows.given_warning = warning_log.id
),

redacted as materialized (
    select value, redact_pii(value) as value_redacted
    from (
        select unnest([hospital_folded, path_hospital_folded, given_location, given_action, keywords]) as value from fix_rows
        union select warning ->> 'location' from named_warnings
    )
    where value is not null
),

input as (
    select
        fix_rows.* exclude (hospital_folded, path_hospital_folded, given_action),
        redacted_hospital.value_redacted as given_hospital,
        redacted_path_hospital.value_redacted as path_hospital,
        lower(nullif(trim(fix_rows.category), '')) as given_category,
        nullif(trim(fix_rows.department), '') as given_department,
        -- published: the place redacted as records' is
        redacted_location.value_redacted as given_location_redacted,
        redacted_action.value_redacted as action_redacted,
        list_filter(
            -- redacted as records' text is (so they match it and publish nothing personal), all at once
            list_transform(regexp_split_to_array(coalesce(redacted_keywords.value_redacted, ''), '[;|,、，；]'), keyword -> trim(keyword)),
            keyword -> keyword <> ''
        ) as given_keywords,
        coalesce(try_strptime(trim(fix_rows.fixed_on), '%Y-%m-%d'), try_strptime(trim(fix_rows.fixed_on), '%Y/%m/%d'))::date as fixed_day
    from fix_rows
    left join redacted as redacted_hospital on redacted_hospital.value = fix_rows.hospital_folded
    left join redacted as redacted_path_hospital on redacted_path_hospital.value = fix_rows.path_hospital_folded
    left join redacted as redacted_location on redacted_location.value = fix_rows.given_location
    left join redacted as redacted_action on redacted_action.value = fix_rows.given_action
    left join redacted as redacted_keywords on redacted_keywords.value = fix_rows.keywords
),

warnings as (
    select
        id,
        warning ->> 'kind' as kind,
        warning ->> 'hospital' as hospital,
        warning ->> 'department' as department,
        warning ->> 'category' as category,
        warning ->> 'location' as location,
        redacted_location.value_redacted as location_redacted,
        -- an emerging term's warning is about its term; the keywords of the others only describe them
        case when warning ->> 'kind' = 'emerging_term' then [warning -> 'keywords' ->> 0] else [] end as keywords
    from named_warnings
    left join redacted as redacted_location on redacted_location.value = (named_warnings.warning ->> 'location')
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
