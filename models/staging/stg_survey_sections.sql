-- Grain: one row per section of a survey definition (ref_survey_sections), in the form's order.
create or replace view stg_survey_sections as
select form_id, section, position, item_pattern, title_vi, title_en, title_zh
from ref_survey_sections;
