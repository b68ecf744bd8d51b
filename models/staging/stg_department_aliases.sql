-- Grain: one row per row of department_aliases.csv (shipped and the hospital's): another way a
-- source writes a department, as written (normalize_key compares it), and the code it means.
create or replace view stg_department_aliases as
select
    alias,
    trim(code) as code,
    file_rank
from ref_department_aliases_raw;
