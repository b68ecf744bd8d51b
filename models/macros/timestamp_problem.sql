-- timestamp_problem(column, raw, parsed) -> the quarantine problem of a record's required time
-- (received_at, submitted_at), or null when it is fine: missing, not a date, after the run's day
-- at the hospital (variable today), or before 2000 (an Excel zero date, a typo of the century).
create or replace macro timestamp_problem(column_name, raw, parsed) as (
    case
        when raw is null then {'column': column_name, 'reason': column_name || ' is missing', 'value': null::varchar}
        when parsed is null then {'column': column_name, 'reason': column_name || ' is not a date', 'value': raw}
        when parsed::date > getvariable('today') then {'column': column_name, 'reason': column_name || ' is in the future', 'value': raw}
        when parsed < date '2000-01-01' then {'column': column_name, 'reason': column_name || ' is before 2000', 'value': raw}
    end
);
