-- Applies int_record_outcome to the warehouse, as load_feedback does for feedback: a replaced response
-- takes its answers with it (they are a list on its row), and the new version brings its own from
-- stg_survey_answers.
create or replace temp table survey_incoming as
select staged.*, outcome.outcome
from stg_survey as staged
inner join int_record_outcome as outcome using (file_row)
where outcome.outcome in ('new', 'replaced');

delete from survey_responses as stored
using survey_incoming as incoming
where incoming.outcome = 'replaced' and stored.hospital = incoming.hospital and stored.source = incoming.source and stored.response_id = incoming.response_id;

-- by name: a warehouse upgraded in place has its later columns in the order they were added
insert into survey_responses by name
select
    incoming.source, incoming.response_id, incoming.submitted_at, incoming.department_raw, incoming.patient_type,
    incoming.overall, incoming.recommend, incoming.comment_raw,
    nullif(redact_pii(incoming.comment_raw), incoming.comment_raw) as comment_redacted, incoming.content_hash,
    getvariable('file_order') as file_id, incoming.file_row, incoming.hospital, incoming.survey_mode,
    incoming.survey_mode_raw, answers.answers
from survey_incoming as incoming
inner join stg_survey_answers as answers using (file_row);

insert into quarantine
select getvariable('file_id'), file_row, null, problem.column, problem.reason, left(problem.value, 200), hospital
from stg_survey
where problem is not null;
