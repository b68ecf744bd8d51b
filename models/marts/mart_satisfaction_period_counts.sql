-- Grain: one row per hospital per department (and `ALL`, the hospital's) per patient type
-- (`inpatient`, `outpatient`, and `all` for every response, those without a type included) per
-- period per dimension, where a period is a month (`grain` 'month', `period` YYYY-MM) or an ISO
-- week (`grain` 'week', `period` its Monday, YYYY-MM-DD) of submitted_at; dimension is each
-- section of the survey definition the response was matched to (`A`..`E` for the Ministry of
-- Health forms; see mart_satisfaction_answers), and `all` for every item answered, known to the
-- form or not. The months feed the satisfaction index and the monthly charts
-- (pipeline/satisfaction/stage.ts, trends.ts), the weeks the weekly watch (weekly.ts): one
-- definition of the sums for both, read by pipeline/satisfaction/period-counts.ts. `ALL` is one
-- hospital's, never a sum across hospitals.
-- Per respondent i: m_i answers, y_i of them 4 or 5. The index is Σy/Σm (the Ministry's method);
-- the sums of squares let its variance respect that answers cluster within respondents.
-- Built by period (pipeline/plan.ts, PARTITIONED_MODELS): this view is every row of the partitions
-- (hospital × month or week) of int_changed_periods, from every response of those partitions.
create or replace temp view mart_satisfaction_period_counts_changed as
with partitions as (
    select hospital, grain, period from int_changed_periods where record_type = 'survey'
),

-- the responses of a changed month or a changed week: only they are summed again
responses as (
    select forms.hospital, forms.source, forms.response_id, forms.department, forms.patient_type, forms.month, forms.week
    from mart_satisfaction_response_forms as forms
    semi join partitions
        on partitions.hospital is not distinct from forms.hospital
        and ((partitions.grain = 'month' and partitions.period = forms.month) or (partitions.grain = 'week' and partitions.period = forms.week))
),

answers as (
    select answers.*
    from mart_satisfaction_answers as answers
    semi join responses using (hospital, source, response_id)
),

-- the answers summed on the response's key alone: its department, patient type, month and week
-- (one of each per response) are joined to the sums below, not hashed with every answer
per_section as (
    select
        hospital, source, response_id, section,
        count(*) as m,
        count(*) filter (where score >= 4) as y,
        sum(score) as score_sum
    from answers
    group by hospital, source, response_id, section
),

-- a respondent's sums per section, and over every item (known to the form or not) as `all`
per_dimension as (
    select hospital, source, response_id, section as dimension, m, y, score_sum
    from per_section
    where section is not null
    union all
    select hospital, source, response_id, 'all' as dimension, sum(m), sum(y), sum(score_sum)
    from per_section
    group by hospital, source, response_id
),

per_respondent as (
    select
        per_dimension.hospital,
        responses.department,
        responses.patient_type,
        responses.month,
        responses.week,
        per_dimension.dimension,
        per_dimension.source,
        per_dimension.response_id,
        per_dimension.m,
        per_dimension.y,
        per_dimension.score_sum
    from per_dimension
    inner join responses using (hospital, source, response_id)
),

-- each respondent once in its month and once in its week, where that partition changed
per_period as (
    select periods.*
    from (
        select 'month' as grain, month as period, * exclude (month, week) from per_respondent
        union all
        select 'week' as grain, week as period, * exclude (month, week) from per_respondent
    ) as periods
    semi join partitions
        on partitions.hospital is not distinct from periods.hospital and partitions.grain = periods.grain and partitions.period = periods.period
),

grouped as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        -- grouped over patient types: every response; else one type (a response without one is in `all` only)
        case when grouping(patient_type) = 1 then 'all' else patient_type end as patient_type,
        grain,
        period,
        dimension,
        count(*)::integer as responses,
        sum(m)::integer as answers,
        sum(y)::integer as satisfied_answers,
        sum(score_sum)::double as score_sum,
        sum(y * y)::double as sum_yy,
        sum(y * m)::double as sum_ym,
        sum(m * m)::double as sum_mm
    from per_period
    group by grouping sets (
        (hospital, department, patient_type, grain, period, dimension),
        (hospital, department, grain, period, dimension),
        (hospital, patient_type, grain, period, dimension),
        (hospital, grain, period, dimension)
    )
),

final as (
    select * from grouped where patient_type is not null
)

select * from final;
