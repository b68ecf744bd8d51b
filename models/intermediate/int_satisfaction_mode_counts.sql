-- Grain: one row per hospital per month of submitted_at (`month`, YYYY-MM) per survey mode: the
-- responses that say how they were taken, and their answers summed (int_satisfaction_respondents,
-- every item answered). What mart_satisfaction_modes rates, kept between runs: a day changes a
-- month or two.
-- Built by period (pipeline/plan.ts, PARTITIONED_MODELS): this view is every row of the partitions
-- (hospital × month) of int_changed_periods, from every response of those partitions.
create or replace temp view int_satisfaction_mode_counts_changed as
with partitions as (
    select hospital, period as month from int_changed_periods where record_type = 'survey' and grain = 'month'
),

respondents as (
    select respondents.hospital, respondents.source, respondents.response_id, respondents.month, respondents.answers, respondents.satisfied_answers, respondents.score_sum
    from int_satisfaction_respondents as respondents
    semi join partitions on partitions.hospital is not distinct from respondents.hospital and partitions.month = respondents.month
),

modes as (
    select hospital, source, response_id, survey_mode from fct_survey_response where survey_mode is not null
),

final as (
    select
        respondents.hospital,
        respondents.month,
        modes.survey_mode,
        count(*)::integer as responses,
        sum(respondents.answers)::integer as answers,
        sum(respondents.satisfied_answers)::integer as satisfied_answers,
        sum(respondents.score_sum)::double as score_sum
    from respondents
    inner join modes using (hospital, source, response_id)
    group by all
)

select * from final;
