-- Grain: one row per answered item of a survey response, with its hospital, department, patient
-- type, month, week, form (mart_satisfaction_response_forms) and section
-- (mart_satisfaction_item_sections): what the satisfaction counts read.
create or replace view mart_satisfaction_answers as
select
    forms.hospital,
    forms.department,
    forms.patient_type,
    forms.month,
    forms.week,
    answers.hospital,
    answers.source,
    answers.response_id,
    forms.form_id,
    answers.item_code,
    answers.score,
    sections.section
from survey_answers as answers
inner join mart_satisfaction_response_forms as forms using (hospital, source, response_id)
left join mart_satisfaction_item_sections as sections
    on sections.form_id is not distinct from forms.form_id and sections.item_code = answers.item_code;
