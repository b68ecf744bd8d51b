-- Grain: one row per item a survey definition lists (ref_survey_items), in its section's order.
create or replace view stg_survey_items as
select form_id, section, item_code, position, text_vi, text_en, text_zh
from ref_survey_items;
