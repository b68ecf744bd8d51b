-- Grain: as mart_month_topics: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of mart_month_topics.
create or replace temp view report_month_topics as
select * from mart_month_topics
where in_report_scope(hospital);
