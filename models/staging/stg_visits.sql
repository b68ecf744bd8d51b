-- Grain: one row per hospital per month of visits.csv (shipped empty; a hospital's or group's own,
-- checked by pipeline/ingest/reference.ts): the patient visits the hospital counted in that month.
-- A later reference folder's row replaces an earlier one for the same hospital and month.
create or replace view stg_visits as
select
    trim(hospital) as hospital,
    trim(month) as month,
    max_by(trim(visits)::bigint, file_rank) as visits
from ref_visits_raw
group by 1, 2;
