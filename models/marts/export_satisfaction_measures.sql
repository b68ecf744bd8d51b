-- Grain: one row per hospital per department (or the hospital's `ALL`) per month: the measures
-- besides the index, exported as satisfaction_measures: the comprehensive index (respondents
-- satisfied with every item, Wilson interval), top-box share, mean score and NPS with their
-- intervals; below the floor of respondents, suppressed with only its counts. Filled by
-- pipeline/satisfaction/measures.ts (measureRow).
create or replace table export_satisfaction_measures (
    hospital varchar,
    department varchar,
    month varchar,                      -- YYYY-MM
    responses integer,
    comprehensive_pct double,
    comprehensive_ci_low double,
    comprehensive_ci_high double,
    top_box_pct double,
    top_box_ci_low double,
    top_box_ci_high double,
    mean_score double,
    nps_responses integer,
    nps double,                         -- −100..100
    nps_ci_low double,
    nps_ci_high double,
    unknown_item_answers integer,       -- answers to items the form does not list
    suppressed boolean
);
