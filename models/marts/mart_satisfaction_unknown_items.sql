-- Grain: one row per hospital per survey source per survey definition per item code that the definition the
-- responses were matched to does not list (nor match by pattern). Such answers are not lost: they
-- count in the `all` dimension and in satisfaction_measures; this table says which codes to add to
-- a definition, or which responses went to the wrong one.
create or replace table mart_satisfaction_unknown_items as
with unknown_items as (
    select form_id, item_code from mart_satisfaction_item_sections where section is null
),

unknown as (
    select forms.hospital, forms.source, forms.month, forms.form_id, answers.item_code
    from survey_answers as answers
    inner join mart_satisfaction_response_forms as forms using (hospital, source, response_id)
    inner join unknown_items
        on unknown_items.form_id is not distinct from forms.form_id and unknown_items.item_code = answers.item_code
),

final as (
    select
        hospital,
        source,
        coalesce(form_id, '(none)') as form_id,
        item_code,
        count(*)::integer as answers,
        min(month) as first_month,
        max(month) as last_month
    from unknown
    group by hospital, source, form_id, item_code
)

select * from final
order by hospital, source, form_id, item_code;
