-- Grain: one row per survey definition per source it is restricted to (ref_survey_form_sources).
create or replace view stg_survey_form_sources as
select form_id, source
from ref_survey_form_sources;
