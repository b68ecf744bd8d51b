-- Grain: one row per hospital per survey source per survey definition per item code that the definition the
-- responses were matched to does not list (nor match by pattern). Such answers are not lost: they
-- count in the `all` dimension and in satisfaction_measures; this table says which codes to add to
-- a definition, or which responses went to the wrong one.
create or replace table mart_satisfaction_unknown_items as
with unknown as (
    -- an answer without a section is one its form's items (mart_satisfaction_item_sections) do not
    -- place: each respondent's are listed once (int_satisfaction_respondents)
    select hospital, source, month, form_id, unnest(unknown_items) as item_code
    from int_satisfaction_respondents
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
