-- Grain: one row per item a survey definition lists, in its section's order, with its text per
-- language. Filled by pipeline/satisfaction/survey-tables.ts.
create or replace table ref_survey_items (
    form_id varchar,
    section varchar,
    item_code varchar,                  -- the q_ column without its prefix
    position integer,
    text_vi varchar,
    text_en varchar,
    text_zh varchar
);
