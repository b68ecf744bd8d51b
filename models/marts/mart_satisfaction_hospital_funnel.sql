-- Grain: one row per hospital in the latest complete month, the group view: each hospital's whole
-- form of every patient (`ALL`, `all`, `all`) on one funnel across the hospitals, as a province or
-- a group ranks its hospitals (columns as mart_satisfaction_funnel, `department` always `ALL`).
-- Empty unless the month has two hospitals or more. Filled by pipeline/satisfaction/trends.ts.
create or replace table mart_satisfaction_hospital_funnel (
    hospital varchar,
    department varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    suppressed boolean,
    effective_n double,
    pct_satisfied double,
    target_pct double,                  -- the group's
    z_score double,
    lower_95_pct double,
    upper_95_pct double,
    lower_998_pct double,
    upper_998_pct double,
    below_lower_95 boolean,
    above_upper_95 boolean,
    below_lower_998 boolean,
    above_upper_998 boolean,
    phi double,
    tau2 double,
    overdispersion_adjusted boolean,
    z_judged double
);
