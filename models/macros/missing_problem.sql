-- missing_problem(column, value) -> the quarantine problem of a required column left blank
-- (reason `<column>_missing`, see stg_quarantine_reasons), or null when it has a value: the one
-- check of a required value that staging applies to feedback and survey rows alike.
create or replace macro missing_problem(column_name, value) as (
    case when value is null then {'column': column_name, 'reason': column_name || '_missing', 'value': null::varchar} end
);
