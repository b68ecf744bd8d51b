-- Grain: one row per complaint behind a signal group (a detector warning to be): its hospital,
-- source and id. Filled by pipeline/warnings/detector-warnings.ts; alert_group_evidence reads it.
create or replace table alert_group_records (
    group_id integer,
    hospital varchar,
    source varchar,
    id varchar
);
