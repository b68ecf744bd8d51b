-- Grain: one row per hospital per department (and `ALL`) per patient type (and `all`) per ISO week
-- of submitted_at (`week`, its Monday YYYY-MM-DD) per dimension (`A`..`E`, `all`): the weeks of
-- int_satisfaction_period_counts, which the weekly satisfaction watch charts
-- (pipeline/satisfaction/weekly.ts) where their volume allows.
create or replace table mart_satisfaction_week_counts as
with weeks as (
    select * from int_satisfaction_period_counts where grain = 'week'
),

final as (
    select
        hospital, department, patient_type, period as week, dimension,
        responses, answers, satisfied_answers, score_sum, sum_yy, sum_ym, sum_mm
    from weeks
)

select * from final
order by hospital, week, department = 'ALL' desc, department, patient_type, dimension;
