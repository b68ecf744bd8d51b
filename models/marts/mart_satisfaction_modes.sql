-- Grain: one row per hospital per month of submitted_at per survey mode (ward_visit,
-- post_discharge_call, kiosk, online, other): how satisfied the patients asked each way were, as
-- the satisfaction index counts them (every item answered, dimension `all`, all patient types):
-- pct_satisfied = answers of 4 or 5 / all answers (the Ministry of Health method), mean_score,
-- suppressed and blank below satisfaction_min_responses respondents. survey_mode is hearken's
-- extension of the survey record (README, "Survey modes"): responses that do not say how they
-- were taken are not in it, so a hospital whose files never say has no rows. Never across hospitals.
-- Variable: satisfaction_min_responses.
create or replace table mart_satisfaction_modes as
with respondents as (
    select hospital, source, response_id, month, answers, satisfied_answers, score_sum from int_satisfaction_respondents
),

modes as (
    select hospital, source, response_id, survey_mode from fct_survey_response where survey_mode is not null
),

-- a respondent's answers summed once (int_satisfaction_respondents), here added up per mode
counted as (
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
),

final as (
    select
        hospital,
        month,
        survey_mode,
        responses,
        answers,
        case when responses >= getvariable('satisfaction_min_responses') then 100.0 * satisfied_answers / answers end as pct_satisfied,
        case when responses >= getvariable('satisfaction_min_responses') then score_sum / answers end as mean_score,
        not coalesce(responses >= getvariable('satisfaction_min_responses'), false) as suppressed
    from counted
)

select * from final
order by hospital, month, survey_mode;
