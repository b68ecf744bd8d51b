-- satisfaction_cell_head(): no rows, the columns a row of the monthly cell charts begins with
-- (mart_satisfaction_cell_spc, mart_satisfaction_cell_funnel): the cell it is about, a hospital's
-- department (or the hospital's `ALL`), patient type and dimension, its month, and whether it is
-- suppressed. One definition of those columns for both tables, as CellHead is in
-- pipeline/satisfaction/trends.ts.
create or replace macro satisfaction_cell_head() as table
select
    null::varchar as hospital,
    null::varchar as department,
    null::varchar as patient_type,
    null::varchar as dimension,
    null::varchar as month,             -- YYYY-MM
    null::integer as responses,
    null::boolean as suppressed
limit 0;
