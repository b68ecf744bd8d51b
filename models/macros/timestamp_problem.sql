-- timestamp_problem(column, raw, parsed) -> the quarantine problem of a record's required time
-- (received_at, submitted_at), or null when it is fine: missing, not a date, after the run's day
-- at the hospital (variable today), or before 2000 (an Excel zero date, a typo of the century).
-- Reasons are codes `<column>_<problem>` (see stg_quarantine_reasons).
create or replace macro timestamp_problem(column_name, raw, parsed) as (
    coalesce(
        missing_problem(column_name, raw),
        case
            when parsed is null then {'column': column_name, 'reason': column_name || '_not_a_date', 'value': raw}
            when parsed::date > getvariable('today') then {'column': column_name, 'reason': column_name || '_in_future', 'value': raw}
            when parsed < date '2000-01-01' then {'column': column_name, 'reason': column_name || '_before_2000', 'value': raw}
        end
    )
);
