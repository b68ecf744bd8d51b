-- Grain: one row: the fingerprint of everything the incremental marts (pipeline/plan.ts,
-- INCREMENTAL_MODELS) read besides their own records: the SQL of the macros and the marts
-- (variable mart_models), the session's time zone, the SLA, response-limit and holiday tables and
-- the statuses that stop a complaint's clock. A run whose fingerprint differs from the one the
-- incremental marts were last built under (int_record_versions) rebuilds them whole. The as-of
-- date is not in it: no incremental mart reads it.
create or replace temp table int_mart_fingerprint as
select md5(concat_ws(
    '|',
    getvariable('mart_models'),
    current_setting('TimeZone'),
    (select sum(hash(sla))::varchar from ref_complaint_sla_raw as sla),
    (select sum(hash(limits))::varchar from stg_response_limits as limits),
    (select sum(hash(holidays))::varchar from stg_holidays as holidays),
    getvariable('clock_stop_statuses')::varchar
)) as fingerprint;
