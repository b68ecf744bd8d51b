-- Grain: one row per hospital per department per language per term over the year to getvariable('as_of'):
-- the department's issue-raising records (every kind but praise) holding the term. The
-- department keywords (TF-IDF over departments) read it.
create or replace table mart_department_term_counts as
select
    hospital,
    feedback.department,
    feedback.lang,
    terms.term,
    count(*)::integer as records
from fct_feedback as feedback
inner join record_terms as terms using (hospital, source, id)
where feedback.kind <> 'praise'
  and feedback.received_at::date <= getvariable('as_of')::date
  and feedback.received_at::date > getvariable('as_of')::date - 365
group by all;
