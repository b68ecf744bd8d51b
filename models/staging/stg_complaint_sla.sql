-- Grain: one row per complaint category of complaint_sla.csv (shipped and the hospital's, checked
-- by pipeline/ingest/reference.ts): the working days a complaint of it has to be resolved in. The
-- one reading of the SLA rule: a category written twice takes its longest SLA, a fraction of a
-- day rounds up. int_complaint_deadlines clocks complaints by it; warnings are due by it.
create or replace table stg_complaint_sla as
select lower(trim(category)) as category, ceil(max(sla_days::double))::integer as sla_working_days
from ref_complaint_sla_raw
group by 1;
