-- Grain: one row per hospital per department (and the hospital's `ALL`) per month: the rows of
-- mart_satisfaction_cell_spc for the whole form (`all` dimension) of every patient (`all`), without
-- those two columns and the drop watch's upper_998_pct, in its order: what the pages draw and
-- satisfaction_spc exports.
create or replace table mart_satisfaction_spc as
with cell_spc as (
    select * from mart_satisfaction_cell_spc
),

final as (
    select * exclude (patient_type, dimension, upper_998_pct)
    from cell_spc
    where patient_type = 'all' and dimension = 'all'
)

select * from final;
