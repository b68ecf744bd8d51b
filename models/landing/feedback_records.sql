-- One of the warehouse's own tables (models/landing/, run in the order pipeline/plan.ts lists them):
-- created once; later runs only add to it, each file inside one transaction, so a run killed at
-- any moment leaves it as the last committed file left it.

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
-- and one made before hospitals (contract v2) gets theirs, filled by landing/upgrade_hospitals.sql
alter table feedback_records add column if not exists hospital varchar;

-- Contract v2: the follow-up call's judgement (a warehouse made before it gets the column, last).
alter table feedback_records add column if not exists solved solved_type;
