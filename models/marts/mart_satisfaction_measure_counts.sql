-- Grain: one row per hospital per department (and `ALL`, the hospital's) per month of submitted_at: the counts behind the
-- measures of export satisfaction_measures, whose intervals pipeline/satisfaction/measures.ts adds.
-- Over every item a respondent answered (the `all` dimension):
--   comprehensive: respondents whose every answer is 4 or 5, out of respondents (Wilson);
--   top box: answers of 5 out of all answers; per respondent i, t_i fives among m_i answers, and
--     the sums of squares for the interval that respects clustering in respondents;
--   mean score: Σ scores / answers.
-- NPS from `recommend` (0..10) over responses that gave one: promoters 9–10, passives 7–8,
-- detractors 0–6 (Reichheld 2003).
create or replace table mart_satisfaction_measure_counts as
with per_respondent as (
    -- a respondent's answers summed once (int_satisfaction_respondents)
    select
        hospital, department, month, source, response_id,
        answers as m,
        five_answers as t,
        score_sum,
        all_satisfied,
        len(unknown_items) as unknown_answers
    from int_satisfaction_respondents
),

item_counts as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        month,
        count(*)::integer as responses,
        count(*) filter (where all_satisfied)::integer as comprehensive_satisfied,
        sum(m)::integer as answers,
        sum(t)::integer as top_box_answers,
        sum(score_sum)::double as score_sum,
        sum(t * t)::double as top_sum_yy,
        sum(t * m)::double as top_sum_ym,
        sum(m * m)::double as sum_mm,
        sum(unknown_answers)::integer as unknown_item_answers
    from per_respondent
    group by grouping sets ((hospital, department, month), (hospital, month))
),

recommending as (
    select hospital, department, strftime(submitted_at, '%Y-%m') as month, recommend
    from fct_survey_response
    where recommend is not null
),

recommendations as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        month,
        count(*)::integer as nps_responses,
        count(*) filter (where recommend >= 9)::integer as promoters,
        count(*) filter (where recommend between 7 and 8)::integer as passives,
        count(*) filter (where recommend <= 6)::integer as detractors
    from recommending
    group by grouping sets ((hospital, department, month), (hospital, month))
),

final as (
    select
        hospital,
        department,
        month,
        coalesce(item_counts.responses, 0) as responses,
        coalesce(item_counts.comprehensive_satisfied, 0) as comprehensive_satisfied,
        coalesce(item_counts.answers, 0) as answers,
        coalesce(item_counts.top_box_answers, 0) as top_box_answers,
        coalesce(item_counts.score_sum, 0) as score_sum,
        coalesce(item_counts.top_sum_yy, 0) as top_sum_yy,
        coalesce(item_counts.top_sum_ym, 0) as top_sum_ym,
        coalesce(item_counts.sum_mm, 0) as sum_mm,
        coalesce(item_counts.unknown_item_answers, 0) as unknown_item_answers,
        coalesce(recommendations.nps_responses, 0) as nps_responses,
        coalesce(recommendations.promoters, 0) as promoters,
        coalesce(recommendations.passives, 0) as passives,
        coalesce(recommendations.detractors, 0) as detractors
    from item_counts
    full join recommendations using (hospital, department, month)
)

select * from final
order by hospital, month, department = 'ALL' desc, department;
