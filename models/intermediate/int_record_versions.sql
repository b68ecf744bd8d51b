-- Grain: one row per feedback record or survey response: the version of it the incremental and
-- partitioned marts were last built from (int_changed_records), when it happened (the periods it
-- counted in: int_changed_periods), with the fingerprint they were built under
-- (int_mart_fingerprint). Made empty by the increments step (pipeline/increments.ts) on a first
-- run and when the marts are to be built whole; filled after the last of them, the satisfaction
-- counts (store_record_versions.sql), so a run that stops before builds the same records again.
create table if not exists int_record_versions (
    record_type varchar not null,
    hospital varchar,
    source varchar not null,
    id varchar not null,
    version ubigint not null,
    happened_at timestamp,
    fingerprint varchar not null
);
-- a warehouse whose versions were stored before the partitioned marts (emptied on its first run: the fingerprint changed)
alter table int_record_versions add column if not exists happened_at timestamp;
