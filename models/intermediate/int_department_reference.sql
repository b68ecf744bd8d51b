-- Grain: one row per department code of the department tables: each of its names and its division
-- (`parent`) from the latest reference_dirs folder that gives one, field by field (a hospital's
-- own departments.csv over the shipped one; a blank field takes an earlier folder's). What the
-- marts that name departments and divisions in each language read.
create or replace view int_department_reference as
select
    code,
    first(parent order by file_rank desc) filter (where nullif(parent, '') is not null) as division,
    first(name_zh order by file_rank desc) filter (where nullif(name_zh, '') is not null) as name_zh,
    first(name_vi order by file_rank desc) filter (where nullif(name_vi, '') is not null) as name_vi,
    first(name_en order by file_rank desc) filter (where nullif(name_en, '') is not null) as name_en
from stg_departments
group by 1;
