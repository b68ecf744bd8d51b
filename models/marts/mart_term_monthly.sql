-- Grain: one row per hospital per term per month per language, over records that raise an issue
-- (every kind but praise): the records holding the term, summed from int_term_month_counts.
create or replace table mart_term_monthly as
select
    hospital,
    lang,
    term,
    month,
    sum(records)::integer as records
from int_term_month_counts
where not praise
group by hospital, lang, term, month;
