-- Grain: one row per survey response (hospital, source, response_id), with its department (its
-- hospital's), patient type, month and week (its Monday) of submitted_at, and form: which survey
-- definition it is matched to. A response takes the most specific definition that applies to it:
-- one for its source (2) beats one for its patient_type (1), which beats the generic one (0); a tie
-- goes to the definition loaded later (a hospital's folder after the shipped one).
-- Incremental (pipeline/plan.ts): the rows of the responses in int_changed_records (the survey
-- definitions are in int_mart_fingerprint).
create or replace temp view mart_satisfaction_response_forms_changed as
with changed as (
    select hospital, source, id as response_id from int_changed_records where record_type = 'survey'
),

responses as (
    select hospital, source, response_id, department, submitted_at, patient_type
    from fct_survey_response
    semi join changed using (hospital, source, response_id)
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
