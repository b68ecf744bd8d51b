-- Grain: one row per hospital in the latest complete month, the group view: each hospital's whole
-- form of every patient (`ALL`, `all`, `all`) on one funnel across the hospitals, as a province or
-- a group ranks its hospitals (`department` always `ALL`; target_pct the group's). Empty unless the
-- month has two hospitals or more. Filled by pipeline/satisfaction/trends.ts.
-- Its columns are a funnel row's, mart_satisfaction_cell_funnel's without the cell's (patient_type,
-- dimension): one definition of a funnel row, so this model runs after that one.
create or replace table mart_satisfaction_hospital_funnel as
select * exclude (patient_type, dimension)
from mart_satisfaction_cell_funnel
limit 0;
