-- Grain: one row per early-warning cell per day with at least one complaint (int_alert_cell_records);
-- a day missing from a cell's run from `series_start` counts 0. The detectors read 7-day windows
-- ending on the as-of date, so a daily run judges the latest seven days, and a run on a Monday the
-- week that ended on Sunday. A place written in two languages is one cell, from the earlier start.
create or replace table int_alert_cell_days as
select kind, cell, min(min(series_start)) over (partition by cell) as series_start, day, count(*)::integer as records
from int_alert_cell_records
group by kind, cell, day
order by cell, day;
