-- The warehouse's own tables: every record as loaded, every file seen, every row held back.
-- Created once; later runs only add to them, each file inside one transaction, so a run killed at
-- any moment leaves the tables as the last committed file left them.

-- The contract's coded values as enums: a byte each instead of a string to compress, which
-- halves the cost of writing a million records.
-- channel and status gained values in contract v2 (callback, the social platforms, referred): an
-- older warehouse takes them once, through landing/upgrade_coded_values.sql.
-- A social platform is stored as such; fct_feedback groups it as `social`.
create type if not exists channel_type as enum
    ('hotline', 'gov_hotline', 'walk_in', 'website', 'email', 'social', 'suggestion_box', 'survey', 'other',
     'callback', 'wechat', 'weibo', 'douyin', 'facebook', 'zalo', 'tiktok', 'youtube');
create type if not exists feedback_kind_type as enum ('complaint', 'consultation', 'suggestion', 'praise');
create type if not exists category_type as enum ('process', 'attitude', 'quality', 'cost', 'facility', 'other');
create type if not exists status_type as enum ('received', 'verifying', 'handling', 'replied', 'closed', 'escalated', 'referred');
create type if not exists satisfied_type as enum ('yes', 'no', 'pending');
create type if not exists solved_type as enum ('yes', 'no');
create type if not exists patient_type_type as enum ('inpatient', 'outpatient');

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

-- Grain: one row per feedback record, keyed by (hospital, source, id); the newest version wins.
-- A *_raw column holds the value as written only where it differs from the mapped value (an
-- alias such as 12345热线, or a value nobody recognised); text_redacted holds the redacted text
-- only where redaction changed something. Read records through fct_feedback, whose
-- text_redacted is always filled and which never shows text_raw.
create table if not exists feedback_records (
    source varchar not null,
    id varchar not null,
    received_at timestamp not null,
    channel channel_type not null,
    channel_raw varchar,
    kind feedback_kind_type not null,
    department_raw varchar not null,
    location varchar,
    category category_type,
    category_raw varchar,
    text_raw varchar not null,          -- as received: stays in the warehouse, never published
    text_redacted varchar,
    status status_type,
    status_raw varchar,
    responded_at timestamp,
    resolved_at timestamp,
    satisfied satisfied_type,
    content_hash ubigint not null,      -- of every field as written: a changed version has another
    file_id integer not null,
    file_row integer not null,
    contact_hash varchar,               -- contact_hash(text_raw, salt): the first phone, e-mail or ID
                                        -- in the text, normalised, salted, hashed (redact_pii.sql)
    hospital varchar                    -- contract section 1: its column, else its folder's (hospital_of_path)
);

-- A warehouse made before contact_hash existed gets the column (last, as in a new one).
alter table feedback_records add column if not exists contact_hash varchar;
-- and one made before hospitals (contract v2) gets theirs, filled at the end of this file
alter table feedback_records add column if not exists hospital varchar;

-- Contract v2: the follow-up call's judgement (a warehouse made before it gets the column, last).
alter table feedback_records add column if not exists solved solved_type;

-- Grain: one row per secret of this warehouse: `contact_salt`, random, made once by the first run
-- that finds none. Read only by the feedback load; never by a mart, never exported.
create table if not exists warehouse_secrets (
    name varchar primary key,
    value varchar not null
);

-- Making the salt and hashing the contacts of records loaded before the column existed happen
-- together, once (in a new warehouse there are none): unchanged records are never loaded again.
begin transaction;
create or replace temp table new_contact_salt as
select 'contact_salt' as name, replace(gen_random_uuid()::varchar || gen_random_uuid()::varchar, '-', '') as value
where not exists (select 1 from warehouse_secrets where name = 'contact_salt');
insert into warehouse_secrets select name, value from new_contact_salt;
update feedback_records set contact_hash = contact_hash(text_raw, salt.value) from new_contact_salt as salt;
drop table new_contact_salt;
commit;

-- Grain: one row per survey response, keyed by (hospital, source, response_id).
create table if not exists survey_responses (
    source varchar not null,
    response_id varchar not null,
    submitted_at timestamp not null,
    department_raw varchar not null,
    patient_type patient_type_type,
    overall tinyint,
    recommend tinyint,
    comment_raw varchar,
    comment_redacted varchar,           -- only where redaction changed the comment, as for feedback
    content_hash ubigint not null,
    file_id integer not null,
    file_row integer not null,
    hospital varchar
);
alter table survey_responses add column if not exists hospital varchar;
-- how the survey was taken (ward_visit, post_discharge_call, kiosk, online, other), where the file says;
-- survey_mode_raw: as written, where that differs
alter table survey_responses add column if not exists survey_mode varchar;
alter table survey_responses add column if not exists survey_mode_raw varchar;
-- the answered questionnaire items, each q_<code> column without its prefix, lower case, with its
-- score, 1 very dissatisfied .. 5 very satisfied: one list per response (the view survey_answers has
-- a row per answer); a warehouse that kept them in a table of their own gets them by upgrade_survey_answers
alter table survey_responses add column if not exists answers struct(item_code varchar, score tinyint)[];

-- The keys of each landing table under one name, for the outcome model both kinds share.
create or replace view stored_feedback_keys as
select hospital, source, id as record_id, content_hash, file_id from feedback_records;

create or replace view stored_survey_keys as
select hospital, source, response_id as record_id, content_hash, file_id from survey_responses;

-- Grain: one row per input row held back, with the first reason found.
create table if not exists quarantine (
    file_id integer not null,
    file_row integer,                   -- data row number in the file (1 = first row under the header)
    file_line integer,                  -- physical line, for rows the CSV reader could not parse
    column_name varchar,
    reason varchar not null,
    value varchar,                      -- the offending value, cut to 200 characters
    hospital varchar                    -- the row's, where it names one, else its file's
);
alter table quarantine add column if not exists hospital varchar;

-- Grain: one row per feedback record version the text stage has read (pipeline/text/stage.ts).
-- A record is read again when its content_hash or the analyzer (dictionaries, stop words, learned
-- collocations, code) changes. Derived from redacted text only, so no identifier becomes a term.
-- Terms are stored as a list per record: a row per term would repeat the record's key each time
-- and cost as much to write as the segmentation itself.
create table if not exists text_analyses (
    source varchar not null,
    id varchar not null,
    content_hash ubigint not null,
    analyzer varchar not null,          -- fingerprint of everything that decides the terms
    lang varchar not null,              -- zh | vi | en
    lexicon_hits varchar[] not null,    -- one category per lexicon phrase found, repeats kept
    terms varchar[] not null,           -- distinct keys variants share: an English stem, a Vietnamese word
    surfaces varchar[] not null,        -- each term as this record wrote it, in the same order
    hospital varchar
);
alter table text_analyses add column if not exists hospital varchar;

-- Grain: one row per distinct term of an analysed record (counts over it are document frequencies).
create or replace view record_terms as
select hospital, source, id, unnest(terms) as term, unnest(surfaces) as surface
from text_analyses;

-- Grain: one row per language whose text taught its analyzer something (Vietnamese: syllable
-- pairs that form words the dictionaries lack, and which words dominate their folded form;
-- English: compounds such as "car park"), as JSON; learned again once the language's records have doubled, so terms stay stable between runs.
create table if not exists learned_text_statistics (
    lang varchar primary key,
    statistics json not null,
    learned_from integer not null       -- records in the corpus it was learned from
);

-- Grain: one row per language whose categories a classifier infers: the classifier last trained
-- (pipeline/text/categories.ts), as JSON, with what its held-out fifth measured; reused until its
-- language's labelled records grow by a tenth, shrink, or it is 30 days old.
create table if not exists category_classifiers (
    lang varchar primary key,
    labelled bigint not null,           -- labelled records it learned from
    trained_on date not null,
    model json not null,
    held_out json not null              -- held_out, macro_f1 and per_category of its held-out report
);

-- Grain: one row per feedback record that came without a category: the category the text stage
-- inferred for it this run (pipeline/text/categories.ts), with the method and its probability.
create table if not exists inferred_categories (
    source varchar not null,
    id varchar not null,
    category category_type not null,
    probability double,                 -- the classifier's; null for a lexicon decision
    method varchar not null,            -- classifier | lexicon | none
    hospital varchar
);
alter table inferred_categories add column if not exists hospital varchar;

-- Grain: one row per warning ever raised: its lifecycle across runs (pipeline/warnings) and the
-- warning as last published, so that a resolved warning can be announced with its content.
create table if not exists warning_log (
    id varchar primary key,
    first_as_of date not null,          -- raised first (again, after a resolution) on this as-of date
    last_as_of date not null,
    resolved_as_of date,                -- found gone on this as-of date; null while open
    warning json not null
);

-- A warehouse made before hospitals (contract v2) has got the column above, last as in a new one;
-- its records get their hospital by the rule of contract section 1, from the path their file was first
-- read under (getvariable('default_hospital'): the configured name, else the input folder's).
-- Nothing is dropped and the content hashes stay: the re-reading that the changed rules cause
-- finds every record unchanged under its key. Records a file's `hospital` column placed elsewhere
-- cannot be told from the path; such a column was ignored before v2, and named in ignored_columns.
begin transaction;
update feedback_records as records
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where records.hospital is null and files.file_id = records.file_id;
update survey_responses as responses
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where responses.hospital is null and files.file_id = responses.file_id;
update quarantine
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where quarantine.hospital is null and files.file_id = quarantine.file_id;
-- a record whose file is not on record (none should be) takes the configured or input folder's name
update feedback_records set hospital = clean_hospital(getvariable('default_hospital')) where hospital is null;
update survey_responses set hospital = clean_hospital(getvariable('default_hospital')) where hospital is null;
-- before hospitals, (source, id) was the whole key: each row below matches one record
update text_analyses as analyses
set hospital = records.hospital
from feedback_records as records
where analyses.hospital is null and records.source = analyses.source and records.id = analyses.id;
delete from inferred_categories where hospital is null;
commit;

