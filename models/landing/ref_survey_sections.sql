-- Grain: one row per section of a survey definition, in the form's order, with its title per
-- language. Filled by pipeline/satisfaction/survey-tables.ts.
create or replace table ref_survey_sections (
    form_id varchar,
    section varchar,                    -- A..E for the Ministry of Health forms
    position integer,
    item_pattern varchar,               -- a regular expression for the section's q_ columns, or null
    title_vi varchar,
    title_en varchar,
    title_zh varchar
);
