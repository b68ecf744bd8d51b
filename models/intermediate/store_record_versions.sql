-- The versions of the records this run's incremental marts were built from, stored in
-- int_record_versions after the last mart, so a run that stops before it builds the same records again.
-- Only the records of int_changed_records are replaced: every other stored version is this run's
-- already, under this run's fingerprint (a changed fingerprint emptied the table, and made every record changed).
begin transaction;
delete from int_record_versions as built
using int_changed_records as changed
where changed.record_type = built.record_type and changed.hospital is not distinct from built.hospital and changed.source = built.source and changed.id = built.id;
insert into int_record_versions by name
with changed_versions as (
    select versions.*
    from int_current_record_versions as versions
    semi join int_changed_records as changed
        on changed.record_type = versions.record_type and changed.hospital is not distinct from versions.hospital
        and changed.source = versions.source and changed.id = versions.id
)

select changed_versions.*, fingerprint.fingerprint
from changed_versions
cross join int_mart_fingerprint as fingerprint;
commit;
