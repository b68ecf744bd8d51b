-- Grain: one row per hospital per department (and the hospital's `ALL`) per patient type
-- (`inpatient`, `outpatient`, `all`) per section (`A`..`E`, and `all`) per month of
-- mart_satisfaction_cell_spc: the month's point on its XmR chart (index, mean, process limits,
-- the period its limits come from, point type) with the index's 95% interval from
-- export_satisfaction_index, what the small multiples of satisfaction by section draw. Nothing is
-- recomputed: a suppressed month stays suppressed, without numbers.
create or replace table mart_satisfaction_section_trend as
with spc as (
    select * from mart_satisfaction_cell_spc
),

intervals as (
    select hospital, department, patient_type, dimension, month, ci_low, ci_high
    from export_satisfaction_index
),

final as (
    select
        spc.hospital,
        spc.department,
        spc.patient_type,
        spc.dimension,
        spc.month,
        spc.responses,
        spc.suppressed,
        spc.pct_satisfied,
        intervals.ci_low,
        intervals.ci_high,
        spc.mean_pct,
        spc.lower_limit_pct,
        spc.upper_limit_pct,
        spc.limits_from,
        spc.special_cause_type,
        spc.point_type
    from spc
    left join intervals
        on intervals.hospital = spc.hospital
        and intervals.department = spc.department
        and intervals.patient_type = spc.patient_type
        and intervals.dimension = spc.dimension
        and intervals.month = spc.month
)

select * from final
order by hospital, department, patient_type, dimension, month;
