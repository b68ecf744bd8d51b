-- Grain: one row per working day of each calendar in use (int_working_days) from $from to $to:
-- where a sentinel warning's due date, the next working day after its run, is read.
select calendar, strftime(day, '%Y-%m-%d') as day
from int_working_days
where is_working_day and day between $from::date and $to::date
order by calendar, day
