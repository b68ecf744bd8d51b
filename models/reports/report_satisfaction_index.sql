-- Grain: as export_satisfaction_index: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of export_satisfaction_index.
create or replace temp view report_satisfaction_index as
select * from export_satisfaction_index
where in_report_scope(hospital);
