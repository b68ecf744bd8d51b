-- Whether a row of `hospital` is in the report being built: every hospital when the variable
-- report_hospital is null (one warehouse, one hospital, or the group's report), else that one
-- (pipeline/publish/reports/scope.ts sets it). The one reading of a report's scope
-- (the report_* views of models/reports/, REPORT_SCOPE_MODELS).
create or replace macro in_report_scope(hospital) as
    getvariable('report_hospital') is null or hospital = getvariable('report_hospital');
