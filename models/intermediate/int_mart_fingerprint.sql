-- Grain: one row: the fingerprint of everything the incremental marts (pipeline/plan.ts,
-- INCREMENTAL_MODELS) and the partitioned ones (PARTITIONED_MODELS) read besides their own
-- records: the SQL of the macros, the marts and the satisfaction models (variable mart_models),
-- the session's time zone, the SLA, response-limit and holiday tables, the statuses that stop a
-- complaint's clock and the survey definitions (which form and section an answer counts in; not
-- where their file lies: the same warehouse used from another checkout or install must not be
-- rebuilt whole). A run whose fingerprint differs from the one they were last built under (int_record_versions)
-- rebuilds them whole. The as-of date is not in it: none of them reads it.
create or replace temp table int_mart_fingerprint as
select md5(concat_ws(
    '|',
    getvariable('mart_models'),
    current_setting('TimeZone'),
    (select sum(hash(sla))::varchar from ref_complaint_sla_raw as sla),
    (select sum(hash(limits))::varchar from stg_response_limits as limits),
    (select sum(hash(holidays))::varchar from stg_holidays as holidays),
    getvariable('clock_stop_statuses')::varchar,
    (select sum(hash(forms))::varchar from (select * exclude (path) from ref_survey_forms) as forms),
    (select sum(hash(form_sources))::varchar from ref_survey_form_sources as form_sources),
    (select sum(hash(sections))::varchar from ref_survey_sections as sections),
    (select sum(hash(items))::varchar from ref_survey_items as items)
)) as fingerprint;
