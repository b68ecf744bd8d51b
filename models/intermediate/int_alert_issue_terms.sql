-- Grain: one row per issue term of a language (dim_term.names_issue, the rule of the
-- high-frequency issues, seen in 5 records or more), with the early-warning cell it names: a word
-- cell is named by a JSON array of its parts (dimension first), so no word can run into the next part.
create or replace temp table int_alert_issue_terms as
select lang, term, to_json(['term', lang, term])::varchar as cell
from dim_term
where records >= 5 and names_issue;
