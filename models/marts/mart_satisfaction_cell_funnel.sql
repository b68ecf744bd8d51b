-- Grain: one row per hospital per department (never `ALL`, the funnel's centre) per patient type per
-- dimension in the latest complete month: the department's pct_satisfied on its hospital's funnel
-- plot for proportions (Spiegelhalter 2005, overdispersion corrected as Spiegelhalter et al. 2012),
-- with its effective sample size as precision. A suppressed department keeps its row without
-- numbers. Filled by pipeline/satisfaction/trends.ts (funnelRows); what the drop watch reads.
create or replace table mart_satisfaction_cell_funnel (
    hospital varchar,
    department varchar,
    patient_type varchar,
    dimension varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    suppressed boolean,
    effective_n double,                 -- n_eff = p(1 − p)/v, answers clustered in respondents
    pct_satisfied double,
    target_pct double,                  -- the hospital's, the funnel's centre
    z_score double,
    lower_95_pct double,
    upper_95_pct double,
    lower_998_pct double,
    upper_998_pct double,
    below_lower_95 boolean,
    above_upper_95 boolean,
    below_lower_998 boolean,
    above_upper_998 boolean,
    phi double,                         -- overdispersion factor
    tau2 double,                        -- additive between-unit variance
    overdispersion_adjusted boolean,
    z_judged double                     -- the z its position was judged by
);
