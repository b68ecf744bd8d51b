-- Grain: one row per hospital per month of submitted_at (`month`, YYYY-MM) per
-- form and item code answered that month in a response matched to that form
-- (mart_satisfaction_response_forms). The items mart_satisfaction_item_sections finds a section
-- for, kept between runs: every response's answers unnested (58 million at 2 million responses)
-- to find a few dozen codes would be read again on every day; a day changes a month or two.
-- Built by period (pipeline/plan.ts, PARTITIONED_MODELS): this view is every row of the partitions
-- (hospital × month) of int_changed_periods, from every response of those partitions.
create or replace temp view int_satisfaction_answered_items_changed as
with partitions as (
    select hospital, period as month from int_changed_periods where record_type = 'survey' and grain = 'month'
),

responses as (
    select forms.hospital, forms.source, forms.response_id, forms.month, forms.form_id
    from mart_satisfaction_response_forms as forms
    semi join partitions on partitions.hospital is not distinct from forms.hospital and partitions.month = forms.month
),

answers as (
    select responses.hospital, responses.month, responses.form_id, unnest(survey.answers).item_code as item_code
    from responses
    inner join survey_responses as survey using (hospital, source, response_id)
),

final as (
    select distinct hospital, month, form_id, item_code
    from answers
)

select * from final;
