-- Grain: as warning_log: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of warning_log.
create or replace temp view report_warning_log as
select * from warning_log
where in_report_scope(warning ->> 'hospital');
