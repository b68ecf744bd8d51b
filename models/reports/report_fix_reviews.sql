-- Grain: as mart_fix_reviews: its rows of the hospitals in the report's scope (in_report_scope; see
-- REPORT_SCOPE_MODELS in pipeline/plan.ts), what every report reads instead of mart_fix_reviews.
create or replace temp view report_fix_reviews as
select * from mart_fix_reviews
where in_report_scope(hospital);
