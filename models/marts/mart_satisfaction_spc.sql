-- Grain: one row per hospital per department (and the hospital's `ALL`) per month: the rows of
-- mart_satisfaction_cell_spc for the whole form (`all` dimension) of every patient (`all`), without
-- those two columns: what the pages draw and satisfaction_spc exports. Filled by
-- pipeline/satisfaction/trends.ts.
create or replace table mart_satisfaction_spc (
    hospital varchar,
    department varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    suppressed boolean,
    pct_satisfied double,
    mean_pct double,
    lower_limit_pct double,
    upper_limit_pct double,
    special_cause_type varchar,
    point_type varchar,
    special_cause boolean,
    outside_limits boolean,
    rule_shift boolean,
    rule_trend boolean,
    rule_two_in_three boolean,
    trial_limits boolean,
    limits_from varchar
);
