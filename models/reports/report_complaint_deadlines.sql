-- Grain: as int_complaint_deadlines: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of int_complaint_deadlines.
create or replace temp view report_complaint_deadlines as
select * from int_complaint_deadlines
where in_report_scope(hospital);
