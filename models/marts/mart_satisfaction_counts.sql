-- Grain: one row per hospital per department (and `ALL`, the hospital's) per patient type
-- (`inpatient`, `outpatient`, and `all` for every response, those without a type included) per
-- month of submitted_at per dimension (each section of the response's survey definition, `A`..`E`
-- for the Ministry of Health forms, and `all` for every item answered): the months of
-- int_satisfaction_period_counts, from which pipeline/satisfaction/stage.ts computes the
-- satisfaction index and its interval. `ALL` is one hospital's, never a sum across hospitals.
create or replace table mart_satisfaction_counts as
with months as (
    select * from int_satisfaction_period_counts where grain = 'month'
),

final as (
    select
        hospital, department, patient_type, period as month, dimension,
        responses, answers, satisfied_answers, score_sum, sum_yy, sum_ym, sum_mm
    from months
)

select * from final
order by hospital, month, department = 'ALL' desc, department, patient_type, dimension;
