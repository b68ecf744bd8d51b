-- One of the warehouse's own tables (models/landing/, run in the order pipeline/plan.ts lists them):
-- created once; later runs only add to it, each file inside one transaction, so a run killed at
-- any moment leaves it as the last committed file left it.

-- Grain: one row per input file version (path + checksum) that a run read or rejected.
create sequence if not exists file_seq start 1;
create table if not exists ingested_files (
    file_id integer primary key default nextval('file_seq'),
    path varchar not null,
    checksum varchar not null,
    rules_fingerprint varchar not null,
    kind varchar not null,              -- feedback | survey | unknown
    format varchar,                     -- csv | tsv | jsonl | parquet | xlsx
    encoding varchar,
    mapping varchar,                    -- name of the column mapping used, if any
    status varchar not null,            -- loaded | rejected
    rows_read integer not null,
    loaded integer not null,
    replaced integer not null,          -- of loaded: records that replaced an older version
    duplicates integer not null,
    quarantined integer not null,
    error varchar,
    ignored_columns varchar[],
    run_id varchar not null,
    read_at timestamp not null
);
