-- Applies int_record_outcome to the warehouse: replaced versions out, new and changed records in,
-- and every problem row into quarantine. Runs inside the file's transaction; variables file_id
-- (this reading) and file_order (see int_record_outcome). The text is read here, once, from
-- input_rows, and redacted once; raw spellings and redactions are kept only where they differ.
-- Its contact (redact_pii.sql) is kept only as a salted hash.
delete from feedback_records as stored
using (
    select staged.hospital, staged.source, staged.id
    from int_record_outcome as outcome
    inner join stg_feedback as staged using (file_row)
    where outcome.outcome = 'replaced'
) as replaced
where stored.hospital = replaced.hospital and stored.source = replaced.source and stored.id = replaced.id;

-- by name: columns added to the landing table later (contact_hash, hospital, solved, ...) sit in
-- the order they were added in an upgraded warehouse
insert into feedback_records by name
select
    staged.source,
    staged.id,
    staged.received_at,
    staged.channel,
    staged.channel_raw,
    staged.kind,
    staged.department_raw,
    staged.location,
    staged.category,
    staged.category_raw,
    raw.text as text_raw,
    nullif(redact_pii(raw.text), raw.text) as text_redacted,
    staged.status,
    staged.status_raw,
    staged.responded_at,
    staged.resolved_at,
    staged.satisfied,
    staged.solved,
    staged.content_hash,
    getvariable('file_order') as file_id,
    staged.file_row,
    contact_hash(raw.text, (select value from warehouse_secrets where name = 'contact_salt')) as contact_hash,
    staged.hospital
from int_record_outcome as outcome
inner join stg_feedback as staged using (file_row)
inner join input_rows as raw on raw._row = outcome.file_row
where outcome.outcome in ('new', 'replaced');

insert into quarantine
select getvariable('file_id'), file_row, null, problem.column, problem.reason, left(problem.value, 200), hospital
from stg_feedback
where problem is not null;
