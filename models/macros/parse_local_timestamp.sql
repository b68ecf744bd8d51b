-- parse_local_timestamp(text) -> timestamp in hospital-local time, or null when blank or not a date.
-- The contract (1.1) accepts ISO 8601 date-times or dates, `YYYY-MM-DD HH:MM[:SS]` and `YYYY/MM/DD`,
-- in hospital-local time unless an offset is given. The run sets the session's TimeZone to the
-- hospital's zone, so one cast reads both kinds: a value without an offset is taken as local time,
-- a value with one (Z, +07:00) is the instant it names; the cast back to timestamp gives the
-- wall-clock time at the hospital, which is what days, weeks and SLA clocks are counted in.
-- The cast is the fast path (a million values in well under a second); the formats after it catch
-- what the cast does not read, such as slashes.
create or replace macro parse_local_timestamp(value) as (
    coalesce(
        try_cast(try_cast(trim(value) as timestamptz) as timestamp),
        try_strptime(
            regexp_replace(trim(value), '\s+', ' ', 'g'),
            ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M']
        )
    )
);
