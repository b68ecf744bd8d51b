-- Grain: one row per signalling cell-window (alert_signals, written by pipeline/warnings/detector-warnings.ts:
-- the hospital, the cell and the first day of its 7-day window) and each complaint it counted: the evidence that
-- merges cells into one problem.
select alert_signals.signal, records.hospital, records.source, records.id, strftime(records.day, '%Y-%m-%d') as day
from alert_signals
inner join int_alert_cell_records as records
    on records.hospital = alert_signals.hospital
    and records.cell = alert_signals.cell
    and records.day between alert_signals.first_day::date and alert_signals.week::date + 6
order by alert_signals.signal, records.hospital, records.source, records.id;
