-- The warehouse's own tables: every record as loaded, every file seen, every row held back.
-- Created once; later runs only add to them, each file inside one transaction, so a run killed at
-- any moment leaves the tables as the last committed file left them.

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

-- Grain: one row per feedback record, keyed by (source, id); the newest version wins.
create table if not exists feedback_records (
    source varchar not null,
    id varchar not null,
    received_at timestamp not null,
    channel varchar not null,
    channel_raw varchar,
    kind varchar not null,
    department_raw varchar not null,
    location varchar,
    category varchar,
    category_raw varchar,
    text_raw varchar not null,          -- as received: stays in the warehouse, never published
    text_redacted varchar not null,     -- what every later stage reads
    status varchar,
    status_raw varchar,
    responded_at timestamp,
    resolved_at timestamp,
    satisfied varchar,
    content_hash varchar not null,
    file_id integer not null,
    file_row integer not null
);

-- Grain: one row per survey response, keyed by (source, response_id).
create table if not exists survey_responses (
    source varchar not null,
    response_id varchar not null,
    submitted_at timestamp not null,
    department_raw varchar not null,
    patient_type varchar,
    overall tinyint,
    recommend tinyint,
    comment_raw varchar,
    comment_redacted varchar,
    content_hash varchar not null,
    file_id integer not null,
    file_row integer not null
);

-- Grain: one row per answered questionnaire item of a survey response.
create table if not exists survey_answers (
    source varchar not null,
    response_id varchar not null,
    item_code varchar not null,         -- the q_<code> column without its prefix, lower case
    score tinyint not null              -- 1 very dissatisfied .. 5 very satisfied
);

-- Grain: one row per input row held back, with the first reason found.
create table if not exists quarantine (
    file_id integer not null,
    file_row integer,                   -- data row number in the file (1 = first row under the header)
    file_line integer,                  -- physical line, for rows the CSV reader could not parse
    column_name varchar,
    reason varchar not null,
    value varchar                       -- the offending value, cut to 200 characters
);
