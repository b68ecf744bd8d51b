-- Grain: one row per feedback id behind a warning of a department pack whose hospital asks for
-- staff names in its own packs. Filled by pipeline/publish/pack-quotes.ts; pack_quote_texts reads it.
create or replace table pack_quote_records (
    id varchar
);
