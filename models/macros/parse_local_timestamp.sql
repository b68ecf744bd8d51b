-- parse_local_timestamp(text) -> timestamp in hospital-local time, or null when blank or not a date.
-- The contract (1.1) accepts ISO 8601 date-times or dates, `YYYY-MM-DD HH:MM[:SS]` and `YYYY/MM/DD`,
-- in hospital-local time unless an offset is given. A value with an offset (Z, +07:00, +0800) is
-- an instant: it is converted into the hospital's zone (variable `timezone`) so that every stored
-- time is wall-clock time at the hospital, which is what days, weeks and SLA clocks are counted in.
create or replace macro parse_local_timestamp(value) as (
    case
        when value is null or trim(value) = '' then null
        when regexp_matches(trim(value), '^\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|z|[+-]\d{2}(:?\d{2})?)$')
            then timezone(getvariable('timezone'), try_cast(trim(value) as timestamptz))
        else try_strptime(
            regexp_replace(trim(value), '\s+', ' ', 'g'),
            [
                '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M',
                '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%dT%H:%M:%S.%f', '%Y-%m-%d',
                '%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d'
            ]
        )
    end
);
