-- Grain: one row per department (and `ALL`) per month of submitted_at per dimension: each section
-- of the survey definition the response was matched to (`A`..`E` for the Ministry of Health forms;
-- see mart_satisfaction_answers), and `all` for every item answered, known to the form or not:
-- the sums from which pipeline/satisfaction/stage.ts computes the satisfaction index and its interval.
-- Per respondent i: m_i answers, y_i of them 4 or 5. The index is Σy/Σm (the Ministry's method);
-- the sums of squares let its variance respect that answers cluster within respondents.
create or replace table mart_satisfaction_counts as
with answers as (
    select * from mart_satisfaction_answers
),

per_section as (
    select
        department, month, hospital, source, response_id, section,
        count(*) as m,
        count(*) filter (where score >= 4) as y,
        sum(score) as score_sum
    from answers
    group by department, month, hospital, source, response_id, section
),

-- a respondent's sums per section, and over every item (known to the form or not) as `all`
per_respondent as (
    select department, month, section as dimension, hospital, source, response_id, m, y, score_sum
    from per_section
    where section is not null
    union all
    select department, month, 'all' as dimension, hospital, source, response_id, sum(m), sum(y), sum(score_sum)
    from per_section
    group by department, month, hospital, source, response_id
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
