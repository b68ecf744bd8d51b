-- Grain: one row per ingested file: the holiday calendar (stg_holidays) its records' working days
-- follow, by the configured calendars per path. Filled by the calendars step (pipeline/calendar.ts)
-- each run, before the marts.
create or replace temp table file_calendar (
    file_id integer not null,
    calendar varchar not null
);
