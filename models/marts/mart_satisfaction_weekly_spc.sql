-- Grain: one row per hospital per department (and `ALL`) per patient type per dimension per ISO week
-- up to the latest complete week: the week's pct_satisfied, and for a series watched week by week
-- (its usual week's 95% interval at most ±10 points wide) its XmR chart; a series not watched keeps
-- its rows without chart numbers, a suppressed week without numbers. Filled by
-- pipeline/satisfaction/weekly.ts (weeklySpcRows); what the drop watch reads.
create or replace table mart_satisfaction_weekly_spc (
    hospital varchar,
    department varchar,
    patient_type varchar,
    dimension varchar,
    week varchar,                       -- the week's Monday, YYYY-MM-DD
    responses integer,
    suppressed boolean,
    half_width_pct double,              -- half the width of the week's 95% interval, in points
    watched boolean,
    pct_satisfied double,
    mean_pct double,
    lower_limit_pct double,
    upper_limit_pct double,
    below_lower_limit boolean,
    upper_998_pct double                -- upper end of the week's own 99.8% interval (respondents as clusters)
);
