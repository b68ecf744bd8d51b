-- Grain: one row per signalling cell-week (alert_signals, written by pipeline/warnings/detector-warnings.ts)
-- and each complaint it counted: the evidence that merges cells into one problem.
select alert_signals.signal, records.source, records.id
from alert_signals
inner join int_alert_cell_records as records
    on records.cell = alert_signals.cell and records.week = alert_signals.week::date
order by alert_signals.signal, records.source, records.id;
