-- Grain: one row per cell-window that signalled this run: the hospital, the cell (its parts as a
-- JSON array) and the first day of its 7-day window. Filled by pipeline/warnings/detector-warnings.ts;
-- alert_signal_records reads it.
create or replace table alert_signals (
    signal integer,                     -- the signal's place in the detector's list
    hospital varchar,
    cell varchar,
    week varchar,                       -- YYYY-MM-DD
    first_day varchar                   -- the first day its complaints count from: week, or a week earlier for a rise over two weeks
);
