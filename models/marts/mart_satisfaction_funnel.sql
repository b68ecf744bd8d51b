-- Grain: one row per hospital per department in the latest complete month: the rows of
-- mart_satisfaction_cell_funnel for the whole form of every patient, without the cell's columns,
-- in its order: the funnel the pages draw.
create or replace table mart_satisfaction_funnel as
with cell_funnel as (
    select * from mart_satisfaction_cell_funnel
),

final as (
    select * exclude (patient_type, dimension)
    from cell_funnel
    where patient_type = 'all' and dimension = 'all'
)

select * from final;
