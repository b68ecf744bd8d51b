-- Grain: one row per issue term that entered (`entered`) or left the issue terms since
-- int_alert_cell_days was counted (int_alert_counted_terms): a word's issue status follows its
-- counts over the whole history (dim_term), so a day's records can move a word in or out on any
-- day of its history. Its cell is counted again on every day (store_alert_cell_days).
create or replace temp table int_alert_changed_terms as
select coalesce(current.lang, counted.lang) as lang, coalesce(current.term, counted.term) as term, coalesce(current.cell, counted.cell) as cell, counted.term is null as entered
from int_alert_issue_terms as current
full outer join int_alert_counted_terms as counted on counted.lang = current.lang and counted.term = current.term
where current.term is null or counted.term is null;
