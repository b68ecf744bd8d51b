-- Grain: one row per hospital per month of submitted_at per survey mode (ward_visit,
-- post_discharge_call, kiosk, online, other): how satisfied the patients asked each way were, as
-- the satisfaction index counts them (every item answered, dimension `all`, all patient types):
-- pct_satisfied = answers of 4 or 5 / all answers (the Ministry of Health method), mean_score,
-- suppressed and blank below satisfaction_min_responses respondents. survey_mode is hearken's
-- extension of the survey record (README, "Survey modes"): responses that do not say how they
-- were taken are not in it, so a hospital whose files never say has no rows. Never across hospitals.
-- Variable: satisfaction_min_responses.
create or replace table mart_satisfaction_modes as
-- a respondent's answers summed once, with its mode (int_satisfaction_respondents): no join with
-- every response for the mode
with respondents as (
    select hospital, month, survey_mode, answers, satisfied_answers, score_sum
    from int_satisfaction_respondents
    where survey_mode is not null
),

-- here added up per mode
counted as (
    select
        hospital,
        month,
        survey_mode,
        count(*)::integer as responses,
        sum(answers)::integer as answers,
        sum(satisfied_answers)::integer as satisfied_answers,
        sum(score_sum)::double as score_sum
    from respondents
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
