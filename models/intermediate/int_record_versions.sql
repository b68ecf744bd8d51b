-- Grain: one row per feedback record or survey response: the version of it the incremental and
-- partitioned marts were last built from (int_changed_records), when it happened (the periods it
-- counted in: int_changed_periods), with the fingerprint they were built under
-- (int_mart_fingerprint). Stored after the last of them (the satisfaction counts), so a run that
-- stops before builds the same records again.
create or replace table int_record_versions as
select versions.*, fingerprint.fingerprint
from int_current_record_versions as versions
cross join int_mart_fingerprint as fingerprint;
