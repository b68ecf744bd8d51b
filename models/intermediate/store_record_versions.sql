-- The versions of the records this run's incremental marts were built from, stored in
-- int_record_versions after the last mart, so a run that stops before it builds the same records again.
begin transaction;
delete from int_record_versions;
insert into int_record_versions by name
select versions.*, fingerprint.fingerprint
from int_current_record_versions as versions
cross join int_mart_fingerprint as fingerprint;
commit;
