-- Which survey definition (form) each response is matched to, and which section of its form each
-- item belongs to: the dimensions of the satisfaction index. Three relations, each with its grain.
--
-- A response takes the most specific definition that applies to it: one for its source (2) beats
-- one for its patient_type (1), which beats the generic one (0); a tie goes to the definition
-- loaded later (a hospital's folder after the shipped one). In its form an item takes the section
-- that lists its code, else the first section whose item_pattern matches the whole code; an item
-- the form does not know keeps section null: it still counts in `all`, and is reported in
-- mart_satisfaction_unknown_items.

-- Grain: one row per survey response (hospital, source, response_id), with its department (its
-- hospital's), patient type, month and week (its Monday) of submitted_at, and form.
create or replace table mart_satisfaction_response_forms as
with responses as (
    select hospital, source, response_id, department, submitted_at, patient_type
    from fct_survey_response
),

forms as (
    select * from stg_survey_forms
),

form_sources as (
    select * from stg_survey_form_sources
),

candidates as (
    select
        responses.hospital,
        responses.source,
        responses.response_id,
        forms.form_id,
        forms.specificity,
        forms.load_order
    from responses
    inner join forms
        on forms.patient_type is null or forms.patient_type = responses.patient_type
    left join form_sources
        on form_sources.form_id = forms.form_id and form_sources.source = responses.source
    where not forms.has_sources or form_sources.source is not null
),

-- every response keeps its row, with form_id null if no definition applies (all its items unknown)
final as (
    select
        responses.hospital,
        responses.source,
        responses.response_id,
        responses.department,
        responses.patient_type,
        strftime(responses.submitted_at, '%Y-%m') as month,
        strftime(date_trunc('week', responses.submitted_at), '%Y-%m-%d') as week,
        candidates.form_id
    from responses
    left join candidates using (hospital, source, response_id)
    qualify row_number() over (
        partition by responses.hospital, responses.source, responses.response_id
        order by candidates.specificity desc nulls last, candidates.load_order desc nulls last, candidates.form_id
    ) = 1
)

select * from final;

-- Grain: one row per form and item code answered in a response matched to that form, with the
-- item's section (null when the form does not know the item).
create or replace table mart_satisfaction_item_sections as
with answered as (
    select distinct forms.form_id, answers.item_code
    from survey_answers as answers
    inner join mart_satisfaction_response_forms as forms using (hospital, source, response_id)
),

listed_items as (
    select form_id, item_code, section from stg_survey_items
),

item_patterns as (
    select form_id, section, position, item_pattern
    from stg_survey_sections
    where item_pattern is not null
),

by_pattern as (
    select answered.form_id, answered.item_code, item_patterns.section
    from answered
    inner join item_patterns
        on item_patterns.form_id = answered.form_id
        and regexp_full_match(answered.item_code, item_patterns.item_pattern)
    qualify row_number() over (partition by answered.form_id, answered.item_code order by item_patterns.position) = 1
),

final as (
    select
        answered.form_id,
        answered.item_code,
        coalesce(listed_items.section, by_pattern.section) as section
    from answered
    left join listed_items
        on listed_items.form_id = answered.form_id and listed_items.item_code = answered.item_code
    left join by_pattern
        on by_pattern.form_id = answered.form_id and by_pattern.item_code = answered.item_code
)

select * from final;

-- Grain: one row per answered item of a survey response, with its hospital, department, patient
-- type, month, week, form and section: what the satisfaction counts read.
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
