-- Counts again the early-warning cells' days whose inputs changed (int_alert_changed_days: every
-- cell of those days) and the word cells of the terms that entered or left the issue terms
-- (int_alert_changed_terms: every day), from int_alert_cell_records' rows marked `recount`; then
-- each population's first day (series_start), and the inputs and terms now counted, all in one
-- transaction, so a run that stops before it leaves counts and inputs as they were.
begin transaction;
-- counts kept without the inputs they were made from (a warehouse from before) are all counted again
delete from int_alert_cell_days where not exists (select 1 from int_alert_counted_days);
delete from int_alert_cell_days as counts
using int_alert_changed_days as changed
where counts.hospital is not distinct from changed.hospital and counts.day = changed.day;
delete from int_alert_cell_days as counts
using int_alert_changed_terms as changed
where counts.cell = changed.cell;
insert into int_alert_cell_days by name
select kind, hospital, cell, population, day, count(*)::integer as records
from int_alert_cell_records
where recount
group by kind, hospital, cell, population, day;
-- a population's first day is its first counted day (its department's or hospital's first complaint):
-- a new population, or a complaint before the first or the first gone, moves it for every cell of it
update int_alert_cell_days as counts
set series_start = starts.series_start
from (select hospital, population, min(day) as series_start from int_alert_cell_days group by hospital, population) as starts
where starts.hospital is not distinct from counts.hospital and starts.population = counts.population
    and counts.series_start is distinct from starts.series_start;
delete from int_alert_counted_days as counted
using int_alert_changed_days as changed
where counted.hospital is not distinct from changed.hospital and counted.day = changed.day;
insert into int_alert_counted_days by name
select hospital, day, inputs from int_alert_changed_days where inputs is not null;
delete from int_alert_counted_terms;
insert into int_alert_counted_terms by name
select lang, term, cell from int_alert_issue_terms;
commit;
