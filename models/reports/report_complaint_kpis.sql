-- Grain: as mart_complaint_kpis: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of mart_complaint_kpis.
create or replace temp view report_complaint_kpis as
select * from mart_complaint_kpis
where in_report_scope(hospital);
