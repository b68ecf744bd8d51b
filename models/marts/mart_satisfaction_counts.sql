-- Grain: one row per department (and `ALL`) per month of submitted_at per dimension (`A`..`E` from
-- the item code's section letter, as in the Ministry of Health forms, and `all` for every item):
-- the sums from which pipeline/statistics computes the satisfaction index and its interval.
-- Per respondent i: m_i answers, y_i of them 4 or 5. The index is Σy/Σm (the Ministry's method);
-- the sums of squares let its variance respect that answers cluster within respondents.
create or replace table mart_satisfaction_counts as
with answers as (
    select
        responses.department,
        strftime(responses.submitted_at, '%Y-%m') as month,
        responses.source,
        responses.response_id,
        answers.item_code,
        answers.score
    from survey_answers as answers
    inner join fct_survey_response as responses using (source, response_id)
),

dimensioned as (
    select *, upper(left(item_code, 1)) as dimension from answers where upper(left(item_code, 1)) in ('A', 'B', 'C', 'D', 'E')
    union all
    select *, 'all' as dimension from answers
),

per_respondent as (
    select
        department, month, dimension, source, response_id,
        count(*) as m,
        count(*) filter (where score >= 4) as y,
        sum(score) as score_sum
    from dimensioned
    group by all
),

final as (
    select
        coalesce(department, 'ALL') as department,
        month,
        dimension,
        count(*)::integer as responses,
        sum(m)::integer as answers,
        sum(y)::integer as satisfied_answers,
        sum(score_sum)::double as score_sum,
        sum(y * y)::double as sum_yy,
        sum(y * m)::double as sum_ym,
        sum(m * m)::double as sum_mm
    from per_respondent
    group by grouping sets ((department, month, dimension), (month, dimension))
)

select * from final
order by month, department = 'ALL' desc, department, dimension;
