-- Grain: one row per survey definition (ref_survey_forms, written from data/surveys and a
-- hospital's own by pipeline/satisfaction/survey-tables.ts).
create or replace view stg_survey_forms as
select form_id, title_en, patient_type, has_sources, specificity, load_order, path
from ref_survey_forms;
