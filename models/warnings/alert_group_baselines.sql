-- Grain: one row per signal group: the hospital, the named cell and the first day of its window,
-- whose 52 weeks before are the baseline its rising terms are measured against. Filled by
-- pipeline/warnings/detector-warnings.ts; alert_group_baseline_terms reads it.
create or replace table alert_group_baselines (
    group_id integer,
    hospital varchar,
    cell varchar,
    week varchar                        -- YYYY-MM-DD
);
