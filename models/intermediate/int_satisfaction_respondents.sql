-- Grain: one row per survey response with at least one answer (mart_satisfaction_response_forms),
-- with its hospital, department, month of submitted_at, form and survey mode (how it was taken,
-- where its file says): its sums over every item it answered, known to its form or not (the `all`
-- dimension), and the items its form does not know:
-- what mart_satisfaction_measure_counts, mart_satisfaction_modes and
-- mart_satisfaction_unknown_items add up, so that a run reads the answers of its new and changed
-- responses only, not every answer of the history again.
--   answers: m_i; five_answers: t_i, answers of 5; satisfied_answers: answers of 4 or 5;
--   score_sum: Σ scores; all_satisfied: every answer 4 or 5; unknown_items: the item code of each
--   answer whose item its form does not know (mart_satisfaction_item_sections: section null).
-- Incremental (pipeline/plan.ts): the rows of the responses in int_changed_records (the survey
-- definitions, which decide an item's section, are in int_mart_fingerprint).
create or replace temp view int_satisfaction_respondents_changed as
with changed as (
    select hospital, source, id as response_id from int_changed_records where record_type = 'survey'
),

forms as (
    select hospital, source, response_id, department, month, form_id
    from mart_satisfaction_response_forms
    semi join changed using (hospital, source, response_id)
),

-- each form's items that belong to a section
known_items as (
    select form_id, list(item_code) as item_codes
    from mart_satisfaction_item_sections
    where section is not null
    group by form_id
),

-- a response's answers stay the list on its row: nothing is unnested per answer
listed as (
    select
        forms.hospital,
        forms.source,
        forms.response_id,
        forms.department,
        forms.month,
        forms.form_id,
        survey.survey_mode,
        [answer.score for answer in survey.answers] as scores,
        [answer.item_code for answer in survey.answers if not coalesce(list_contains(known_items.item_codes, answer.item_code), false)] as unknown_items
    from forms
    inner join survey_responses as survey using (hospital, source, response_id)
    left join known_items on known_items.form_id = forms.form_id
),

final as (
    select
        hospital,
        source,
        response_id,
        department,
        month,
        form_id,
        survey_mode,
        len(scores) as answers,
        len(list_filter(scores, score -> score = 5)) as five_answers,
        len(list_filter(scores, score -> score >= 4)) as satisfied_answers,
        list_sum(scores) as score_sum,
        list_min(scores) >= 4 as all_satisfied,
        unknown_items
    from listed
    where len(scores) > 0
)

select * from final;
