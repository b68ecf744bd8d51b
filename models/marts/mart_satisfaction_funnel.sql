-- Grain: one row per hospital per department in the latest complete month: the rows of
-- mart_satisfaction_cell_funnel for the whole form of every patient, without the cell's columns:
-- the funnel the pages draw. Filled by pipeline/satisfaction/trends.ts.
create or replace table mart_satisfaction_funnel (
    hospital varchar,
    department varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    suppressed boolean,
    effective_n double,
    pct_satisfied double,
    target_pct double,
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
