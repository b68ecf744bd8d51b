-- Grain: one row per feedback record or survey response: the version of it the incremental marts
-- were last built from (int_changed_records), with the fingerprint they were built under
-- (int_mart_fingerprint). Stored after the last mart, so a run that stops before it builds the
-- same records again.
create or replace table int_record_versions as
select versions.*, fingerprint.fingerprint
from int_current_record_versions as versions
cross join int_mart_fingerprint as fingerprint;
