-- Grain: one row per hospital per department (and the hospital's `ALL`) per patient type
-- (`inpatient`, `outpatient`, `all`) per dimension (`A`..`E`, `all`) per month up to the latest
-- complete month: the month's pct_satisfied on its XmR chart with the Making Data Count rules
-- (higher is better), limits held from a 12-month baseline and recalculated at a sustained shift.
-- A suppressed month (too few respondents) keeps its row without numbers and is left off the chart.
-- Filled by pipeline/satisfaction/trends.ts (spcRows); what the drop watch reads.
-- Its first columns are a cell chart row's (macros/satisfaction_cell_head.sql).
create or replace table mart_satisfaction_cell_spc as
select
    head.*,
    null::double as pct_satisfied,
    null::double as mean_pct,           -- the chart's centre line
    null::double as lower_limit_pct,    -- lower process limit
    null::double as upper_limit_pct,
    null::varchar as special_cause_type, -- the rule that fired, in Making Data Count's words (Below LCL, ...)
    null::varchar as point_type,        -- common_cause | special_cause_concern | special_cause_improvement
    null::boolean as special_cause,
    null::boolean as outside_limits,
    null::boolean as rule_shift,
    null::boolean as rule_trend,
    null::boolean as rule_two_in_three,
    null::boolean as trial_limits,      -- fewer points than a baseline needs
    null::varchar as limits_from,       -- YYYY-MM: first month of the period whose limits judged it
    null::double as upper_998_pct       -- upper end of the month's own 99.8% interval (respondents as clusters)
from satisfaction_cell_head() as head;
