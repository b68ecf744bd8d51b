-- Grain: one row per hospital per day with at least one complaint: the inputs int_alert_cell_days
-- holds that day's counts from (int_alert_changed_days). Replaced with int_alert_cell_days, in one
-- transaction (store_alert_cell_days); empty, every day is counted again.
create table if not exists int_alert_counted_days (
    hospital varchar,
    day date not null,
    inputs ubigint not null
);
