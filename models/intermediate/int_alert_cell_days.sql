-- Grain: one row per hospital per early-warning cell per day with at least one complaint
-- (int_alert_cell_records): a cell's series is one hospital's;
-- a day missing from a cell's run from `series_start` counts 0. The detectors read 7-day windows
-- ending on the as-of date, so a daily run judges the latest seven days, and a run on a Monday the
-- week that ended on Sunday. A place written in two languages is one cell of its hospital.
create or replace table int_alert_cell_days as
select kind, hospital, cell, min(min(series_start)) over (partition by hospital, cell) as series_start, day, count(*)::integer as records
from int_alert_cell_records
group by kind, hospital, cell, day
order by hospital, cell, day;
