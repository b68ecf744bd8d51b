-- Grain: as mart_high_frequency_issues: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of mart_high_frequency_issues.
create or replace temp view report_high_frequency_issues as
select * from mart_high_frequency_issues
where in_report_scope(hospital);
