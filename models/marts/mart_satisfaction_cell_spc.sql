-- Grain: one row per hospital per department (and the hospital's `ALL`) per patient type
-- (`inpatient`, `outpatient`, `all`) per dimension (`A`..`E`, `all`) per month up to the latest
-- complete month: the month's pct_satisfied on its XmR chart with the Making Data Count rules
-- (higher is better), limits held from a 12-month baseline and recalculated at a sustained shift.
-- A suppressed month (too few respondents) keeps its row without numbers and is left off the chart.
-- Filled by pipeline/satisfaction/trends.ts (spcRows); what the drop watch reads.
create or replace table mart_satisfaction_cell_spc (
    hospital varchar,
    department varchar,
    patient_type varchar,
    dimension varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    suppressed boolean,
    pct_satisfied double,
    mean_pct double,                    -- the chart's centre line
    lower_limit_pct double,             -- lower process limit
    upper_limit_pct double,
    special_cause_type varchar,         -- the rule that fired, in Making Data Count's words (Below LCL, ...)
    point_type varchar,                 -- common_cause | special_cause_concern | special_cause_improvement
    special_cause boolean,
    outside_limits boolean,
    rule_shift boolean,
    rule_trend boolean,
    rule_two_in_three boolean,
    trial_limits boolean,               -- fewer points than a baseline needs
    limits_from varchar                 -- YYYY-MM: first month of the period whose limits judged it
);
