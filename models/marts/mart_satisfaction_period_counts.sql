-- Grain: one row per hospital per department (and `ALL`, the hospital's) per patient type
-- (`inpatient`, `outpatient`, and `all` for every response, those without a type included) per
-- period per dimension, where a period is a month (`grain` 'month', `period` YYYY-MM) or an ISO
-- week (`grain` 'week', `period` its Monday, YYYY-MM-DD) of submitted_at; dimension is each
-- section of the survey definition the response was matched to (`A`..`E` for the Ministry of
-- Health forms; see mart_satisfaction_item_sections), and `all` for every item answered, known to the
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
    select forms.hospital, forms.source, forms.response_id, forms.department, forms.patient_type, forms.month, forms.week, forms.form_id
    from mart_satisfaction_response_forms as forms
    semi join partitions
        on partitions.hospital is not distinct from forms.hospital
        and ((partitions.grain = 'month' and partitions.period = forms.month) or (partitions.grain = 'week' and partitions.period = forms.week))
),

-- each form's sections, and the section of each of its items (mart_satisfaction_item_sections)
form_sections as (
    select form_id, map_from_entries(list((item_code, section))) as section_of, list(distinct section) as sections
    from mart_satisfaction_item_sections
    where section is not null
    group by form_id
),

-- a response's answers stay the list on its row: each tagged with its item's section in its form
listed as (
    select
        responses.hospital, responses.department, responses.patient_type, responses.month, responses.week,
        responses.source, responses.response_id,
        form_sections.sections,
        list_transform(survey.answers, answer -> {'section': form_sections.section_of[answer.item_code], 'score': answer.score}) as scored
    from responses
    inner join survey_responses as survey using (hospital, source, response_id)
    left join form_sections on form_sections.form_id = responses.form_id
),

-- a respondent's answers per section they fall in, and every item (known to the form or not) as `all`
per_dimension as (
    select * exclude (sections, scored), list_filter(scored, answer -> answer.section = dimension) as own
    from (select *, unnest(sections) as dimension from listed)
    union all by name
    select * exclude (sections, scored), 'all' as dimension, scored as own
    from listed
),

-- a respondent's sums per dimension, by list functions on its row: nothing is grouped per answer
per_respondent as (
    select
        * exclude (own),
        len(own) as m,
        len(list_filter(own, answer -> answer.score >= 4)) as y,
        list_sum([answer.score for answer in own]) as score_sum
    from per_dimension
    where len(own) > 0
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
