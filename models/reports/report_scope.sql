-- The relations every report reads, narrowed to the report's scope: one hospital, or everything
-- when the variable report_hospital is null. The only place reports filter by hospital: every
-- report model and reader reads records, cases, marts and warnings through these views (other
-- tables they join, such as record_terms or int_working_days, only through these records).
-- Each view keeps the rows of its hospital in scope (in_report_scope; the warning log: warning ->>
-- 'hospital').
-- Variable: report_hospital (varchar or null).
create or replace temp view report_feedback as
select * from fct_feedback
where in_report_scope(hospital);

create or replace temp view report_complaint_deadlines as
select * from int_complaint_deadlines
where in_report_scope(hospital);

create or replace temp view report_complaint_kpis as
select * from mart_complaint_kpis
where in_report_scope(hospital);

create or replace temp view report_satisfaction_index as
select * from export_satisfaction_index
where in_report_scope(hospital);

create or replace temp view report_high_frequency_issues as
select * from mart_high_frequency_issues
where in_report_scope(hospital);

create or replace temp view report_warning_log as
select * from warning_log
where in_report_scope(warning ->> 'hospital');

create or replace temp view report_month_topics as
select * from mart_month_topics
where in_report_scope(hospital);

create or replace temp view report_fix_reviews as
select * from mart_fix_reviews
where in_report_scope(hospital);
