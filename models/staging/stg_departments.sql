-- Grain: one row per row of departments.csv (the shipped data/reference/departments.csv and any a
-- hospital adds): a department code, its names in English, Chinese and Vietnamese and its optional
-- division (`parent`), trimmed, with
-- file_rank, the folder's place in reference_dirs (1 = shipped; a later folder's row wins).
create or replace view stg_departments as
select
    trim(code) as code,
    trim(name_en) as name_en,
    trim(name_zh) as name_zh,
    trim(name_vi) as name_vi,
    trim(parent) as parent,
    file_rank
from ref_departments_raw;
