-- Applies feedback_outcome to the warehouse: replaced versions out, new and changed records in
-- (their text redacted once, here), and every problem row into quarantine. Runs inside the file's
-- transaction; variables file_id (this reading) and file_order (see int_feedback_outcome).
create or replace temp table feedback_incoming as
select staged.*, outcome.outcome
from stg_feedback as staged
inner join feedback_outcome as outcome using (file_row)
where outcome.outcome in ('new', 'replaced');

delete from feedback_records as stored
using feedback_incoming as incoming
where incoming.outcome = 'replaced' and stored.source = incoming.source and stored.id = incoming.id;

insert into feedback_records
select
    source, id, received_at, channel, channel_raw, kind, department_raw, location, category,
    category_raw, text_raw, redact_pii(text_raw) as text_redacted, status, status_raw,
    responded_at, resolved_at, satisfied, content_hash, getvariable('file_order') as file_id, file_row
from feedback_incoming;

insert into quarantine
select getvariable('file_id'), file_row, null, problem.column, problem.reason, left(problem.value, 200)
from stg_feedback
where problem is not null;
