-- Grain: one row per name under which hearken shows a known department (dim_department.department,
-- the name its hospital uses), with the name a page in each language shows for it: on a page in
-- the name's own language (name_lang) the name itself, as everywhere else; on a page in another
-- language the department's name in that language from the department tables (the hospital's own
-- departments.csv, a later reference_dirs folder, before the shipped one), else the name itself.
-- So a zh page shows 儿科 for the Vietnamese hospital's Khoa Nhi and the east campus's own 小儿科,
-- and never mixes languages where the tables know the department. The alias tables are the same
-- for every hospital, so one shown name is one department in all of them: the name is the key.
-- A hospital that writes one department in two languages (急诊科 and "A&E") has two series; renamed
-- they would read alike, so such names keep their own on every page. Unknown departments have no
-- row: they are shown as written on every page.
create or replace table mart_department_page_names as
with series as (
    select distinct hospital, department, department_code, name_lang
    from dim_department
    where is_known
),

-- names of a department some hospital writes in more than one language
two_series as (
    select distinct series.department
    from series
    inner join series as other
        on other.hospital = series.hospital and other.department_code = series.department_code and other.department <> series.department
),

shown as (
    select distinct series.department, series.department_code, series.name_lang, two_series.department is not null as kept
    from series
    left join two_series using (department)
),

final as (
    select
        shown.department,
        shown.department_code,
        shown.name_lang,
        case when shown.kept or shown.name_lang = 'zh' then shown.department else coalesce(names.name_zh, shown.department) end as name_zh,
        case when shown.kept or shown.name_lang = 'vi' then shown.department else coalesce(names.name_vi, shown.department) end as name_vi,
        case when shown.kept or shown.name_lang = 'en' then shown.department else coalesce(names.name_en, shown.department) end as name_en
    from shown
    left join int_department_reference as names on names.code = shown.department_code
    -- a name a hospital's own table gave two departments (a slip) takes the first code's names
    qualify row_number() over (partition by shown.department order by shown.department_code, shown.name_lang) = 1
)

select * from final
order by department;
