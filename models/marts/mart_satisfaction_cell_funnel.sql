-- Grain: one row per hospital per department (never `ALL`, the funnel's centre) per patient type per
-- dimension in the latest complete month: the department's pct_satisfied on its hospital's funnel
-- plot for proportions (Spiegelhalter 2005, overdispersion corrected as Spiegelhalter et al. 2012),
-- with its effective sample size as precision. A suppressed department keeps its row without
-- numbers. Filled by pipeline/satisfaction/trends.ts (funnelRows); what the drop watch reads.
-- Its first columns are a cell chart row's (macros/satisfaction_cell_head.sql).
create or replace table mart_satisfaction_cell_funnel as
select
    head.*,
    null::double as effective_n,        -- n_eff = p(1 − p)/v, answers clustered in respondents
    null::double as pct_satisfied,
    null::double as target_pct,         -- the hospital's, the funnel's centre
    null::double as z_score,
    null::double as lower_95_pct,
    null::double as upper_95_pct,
    null::double as lower_998_pct,
    null::double as upper_998_pct,
    null::boolean as below_lower_95,
    null::boolean as above_upper_95,
    null::boolean as below_lower_998,
    null::boolean as above_upper_998,
    null::double as phi,                -- overdispersion factor
    null::double as tau2,               -- additive between-unit variance
    null::boolean as overdispersion_adjusted,
    null::double as z_judged            -- the z its position was judged by
from satisfaction_cell_head() as head;
