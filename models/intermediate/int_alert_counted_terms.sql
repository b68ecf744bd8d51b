-- Grain: one row per issue term of a language whose word cell int_alert_cell_days counts
-- (int_alert_issue_terms as it was when they were counted). Replaced with int_alert_cell_days, in
-- one transaction (store_alert_cell_days).
create table if not exists int_alert_counted_terms (
    lang varchar not null,
    term varchar not null,
    cell varchar not null
);
