-- Grain: one row per early-warning cell per week with at least one complaint (int_alert_cell_records);
-- a week missing from a cell's run from `series_start` counts 0.
create or replace table int_alert_cell_weeks as
select kind, cell, series_start, week, count(*)::integer as records
from int_alert_cell_records
group by all
order by cell, week;
