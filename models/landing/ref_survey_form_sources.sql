-- Grain: one row per survey definition per source it is restricted to. Filled by
-- pipeline/satisfaction/survey-tables.ts.
create or replace table ref_survey_form_sources (
    form_id varchar,
    source varchar
);
