-- Grain: as fct_feedback: its rows of the hospitals in the report's scope. The report_* views
-- (REPORT_SCOPE_MODELS in pipeline/plan.ts) are the relations every report reads, narrowed to the
-- report's scope: one hospital, or everything when the variable report_hospital is null. The only
-- place reports filter by hospital: every report model and reader reads records, cases, marts and
-- warnings through these views (other tables they join, such as record_terms or int_working_days,
-- only through these records). Each keeps the rows of its hospital in scope (in_report_scope).
-- Variable: report_hospital (varchar or null).
create or replace temp view report_feedback as
select * from fct_feedback
where in_report_scope(hospital);
