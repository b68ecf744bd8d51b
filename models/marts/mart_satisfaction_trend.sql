-- Grain: one row per hospital per department (and the hospital's `ALL`) per month: the rows of
-- mart_satisfaction_section_trend for the whole form (`all`) of every patient (`all`), without
-- those two columns: the month's point on its XmR chart with the index's 95% interval, what the
-- satisfaction chart draws. Nothing is recomputed: a suppressed month stays suppressed, without
-- numbers.
create or replace table mart_satisfaction_trend as
with section_trend as (
    select * from mart_satisfaction_section_trend
),

final as (
    select * exclude (patient_type, dimension)
    from section_trend
    where patient_type = 'all' and dimension = 'all'
)

select * from final
order by hospital, department, month;
