-- One of the warehouse's own tables (models/landing/, run in the order pipeline/plan.ts lists them):
-- created once; later runs only add to it, each file inside one transaction, so a run killed at
-- any moment leaves it as the last committed file left it.

-- how a respondent was treated, as an enum like feedback_records' coded values
create type if not exists patient_type_type as enum ('inpatient', 'outpatient');

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
