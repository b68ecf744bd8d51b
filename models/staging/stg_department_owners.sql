-- Grain: one row per row of department_owners.csv (shipped and the hospital's): who answers for a
-- department's overdue cases in a hospital (its head, its supervising leader), as written:
-- mart_open_cases matches the names by normalize_key and the hospital by clean_hospital.
create or replace view stg_department_owners as
select
    hospital,
    department,
    head,
    supervising_leader,
    file_rank
from ref_department_owners_raw;
