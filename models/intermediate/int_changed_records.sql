-- Grain: one row per feedback record or survey response (record_type `feedback` or `survey`;
-- hospital, source, id: a response's id is its response_id) whose rows in the incremental marts
-- (pipeline/plan.ts, INCREMENTAL_MODELS) must be built again: new, changed or gone since they
-- were last built. A record's version is what those rows read of it: its stored version (its
-- content_hash), its file's calendar, the language, terms (with their surfaces) and inferred
-- category the text stage gave it (terms change without the content when a language's text
-- statistics are learned again), and
-- its department's row in dim_department (whose name may follow the spellings of other records).
-- Compared with the versions the marts were last built from
-- (int_record_versions, empty after a whole rebuild was decided: pipeline/increments.ts), a record of a run that crashed
-- before they were stored is built again. This run's versions: int_current_record_versions.
create or replace table int_changed_records as
select coalesce(current.record_type, built.record_type) as record_type, coalesce(current.hospital, built.hospital) as hospital, coalesce(current.source, built.source) as source, coalesce(current.id, built.id) as id
from int_current_record_versions as current
full outer join int_record_versions as built
    on built.record_type = current.record_type and built.hospital is not distinct from current.hospital and built.source = current.source and built.id = current.id
where current.version is distinct from built.version;
