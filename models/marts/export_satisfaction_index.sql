-- Grain: one row per hospital per department (or the hospital's `ALL`) per patient type
-- (`inpatient`, `outpatient`, `all`) per month per dimension (`A`..`E`, `all`): the satisfaction
-- index of contract section 5, exported as satisfaction_index. pct_satisfied = answers of 4 or 5 /
-- all answers (0..100, the Vietnamese Ministry of Health method), its 95% interval respecting
-- answers clustered in respondents; below the floor of respondents, suppressed and blank.
-- Filled by pipeline/satisfaction/stage.ts (indexRow).
create or replace table export_satisfaction_index (
    hospital varchar,
    department varchar,
    patient_type varchar,
    month varchar,                      -- YYYY-MM of submitted_at
    dimension varchar,
    responses integer,                  -- respondents who answered at least one item of it
    pct_satisfied double,
    mean_score double,                  -- 1..5
    ci_low double,
    ci_high double,
    suppressed boolean
);
