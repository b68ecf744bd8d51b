-- Grain: one row per answered item of a survey response, with its hospital, department, patient
-- type, month, week, form (mart_satisfaction_response_forms) and section
-- (mart_satisfaction_item_sections): what the satisfaction counts read. A response's answers are a
-- list on its row (survey_responses.answers): joined to its form once per response, then unnested,
-- so that no join is made per answer on the response's key.
create or replace view mart_satisfaction_answers as
with listed as (
    select
        forms.hospital,
        forms.department,
        forms.patient_type,
        forms.month,
        forms.week,
        forms.source,
        forms.response_id,
        forms.form_id,
        unnest(responses.answers) as answer
    from survey_responses as responses
    inner join mart_satisfaction_response_forms as forms using (hospital, source, response_id)
)

select
    listed.hospital,
    listed.department,
    listed.patient_type,
    listed.month,
    listed.week,
    listed.source,
    listed.response_id,
    listed.form_id,
    listed.answer.item_code,
    listed.answer.score,
    sections.section
from listed
left join mart_satisfaction_item_sections as sections
    on sections.form_id is not distinct from listed.form_id and sections.item_code = listed.answer.item_code;
