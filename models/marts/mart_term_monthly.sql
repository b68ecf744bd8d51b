-- Grain: one row per hospital per term per month per language, over records that raise an issue
-- (every kind but praise): the records holding the term.
create or replace table mart_term_monthly as
select
    hospital,
    lang,
    term,
    strftime(received_at, '%Y-%m') as month,
    count(*)::integer as records
from fct_record_terms
where kind <> 'praise'
group by all;
