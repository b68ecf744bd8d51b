-- Grain: one row per survey definition (data/surveys and a hospital's own), the forms responses are
-- matched to (mart_satisfaction_answers). Filled by pipeline/satisfaction/survey-tables.ts.
create or replace table ref_survey_forms (
    form_id varchar,
    title_en varchar,
    patient_type varchar,               -- the patient type it applies to, null for any
    has_sources boolean,                -- restricted to the sources of ref_survey_form_sources
    specificity integer,                -- how specific it is: the most specific form a response fits wins
    load_order integer,
    path varchar
);
