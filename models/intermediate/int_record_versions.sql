-- Grain: one row per feedback record or survey response: the version of it the incremental marts
-- were last built from (int_changed_records), with the fingerprint they were built under
-- (int_mart_fingerprint). Made empty by the increments step (pipeline/increments.ts) on a first
-- run and when the marts are to be built whole; filled after the last mart (store_record_versions.sql).
create table if not exists int_record_versions (
    record_type varchar not null,
    hospital varchar,
    source varchar not null,
    id varchar not null,
    version ubigint not null,
    fingerprint varchar not null
);
