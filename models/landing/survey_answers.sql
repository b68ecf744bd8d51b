-- One of the warehouse's own tables (models/landing/, run in the order pipeline/plan.ts lists them):
-- created once; later runs only add to it, each file inside one transaction, so a run killed at
-- any moment leaves it as the last committed file left it.

-- Grain: one row per answered questionnaire item of a survey response.
create table if not exists survey_answers (
    source varchar not null,
    response_id varchar not null,
    item_code varchar not null,         -- the q_<code> column without its prefix, lower case
    score tinyint not null,             -- 1 very dissatisfied .. 5 very satisfied
    hospital varchar
);
alter table survey_answers add column if not exists hospital varchar;
