-- Grain: one row per loaded feedback record: the `feedback` table of contract section 5, as
-- published under OUT/data/. Only redacted text; `source`, the file's name unless the file gives
-- one, redacted as well; times in hospital-local ISO 8601. The export adds `run_id` (publish.ts).
create or replace table export_feedback as
select
    hospital,
    redact_pii(source) as source,
    id,
    strftime(received_at, '%Y-%m-%dT%H:%M:%S') as received_at,
    department,
    location,
    channel,
    kind,
    lang,
    category,
    category_source,
    -- the category as written where it differs from `category` (an alias, or a value not
    -- recognised, which left the category to be inferred), so inference never hides the source's word
    category_raw,
    text_redacted,
    -- contract v2: the social platform behind channel `social`, the case's status and the callback's judgement
    platform,
    status,
    solved
from fct_feedback
order by fct_feedback.received_at, hospital, source, id;
