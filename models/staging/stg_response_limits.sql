-- Grain: one row per row of response_limits.csv (shipped and the hospital's, checked by
-- pipeline/ingest/reference.ts): the time a channel (and optionally one source of it) allows for
-- the first contact with the person who complained, typed.
create or replace view stg_response_limits as
select
    lower(trim(channel)) as channel,
    nullif(trim(source), '') as source,
    trim(response_limit)::double as response_limit,
    lower(trim(unit)) as response_limit_unit,     -- hours | working_days
    file_rank
from ref_response_limits_raw;
