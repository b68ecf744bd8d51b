-- Grain: one row per hospital per early-warning cell per day with at least one complaint
-- (int_alert_cell_records): a cell's series is one hospital's;
-- a day missing from a cell's run from `series_start` counts 0. The detectors read 7-day windows
-- ending on the as-of date, so a daily run judges the latest seven days, and a run on a Monday the
-- week that ended on Sunday. A place written in two languages is one cell of its hospital.
-- `population` names whose first day `series_start` is (int_alert_cell_records).
-- Kept in the warehouse and counted again only where its inputs changed (store_alert_cell_days):
-- the days of int_alert_changed_days and the word cells of int_alert_changed_terms.
create table if not exists int_alert_cell_days (
    kind varchar,
    hospital varchar,
    cell varchar,
    population varchar,
    series_start date,
    day date,
    records integer
);
-- a warehouse from before kept the table whole, without its populations: it is counted again
-- whole, as no inputs were stored beside it (int_alert_counted_days)
alter table int_alert_cell_days add column if not exists population varchar;
