-- Grain: one row per form and item code answered in a response matched to that form
-- (mart_satisfaction_response_forms), with the item's section: the dimensions of the satisfaction
-- index. In its form an item takes the section that lists its code, else the first section whose
-- item_pattern matches the whole code; an item the form does not know keeps section null: it still
-- counts in `all`, and is reported in mart_satisfaction_unknown_items. The items answered are
-- kept by month (int_satisfaction_answered_items).
create or replace table mart_satisfaction_item_sections as
with answered as (
    select distinct form_id, item_code
    from int_satisfaction_answered_items
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
