-- Grain: one row per evidence record (the warning's hospital, the record's source and id, as an id
-- is unique only within its hospital's source) behind a warning of a department pack whose hospital
-- asks for staff names in its own packs. Filled by pipeline/publish/pack-quotes.ts; pack_quote_texts reads it.
create or replace table pack_quote_records (
    hospital varchar,
    source varchar,
    id varchar
);
