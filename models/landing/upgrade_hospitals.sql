-- A warehouse made before hospitals (contract v2) has got the column from its landing table's file
-- (feedback_records.sql and the others), last as in a new one, empty; its records get their hospital
-- by the rule of contract section 1, from the path their file was first read under
-- (getvariable('default_hospital'): the configured name, else the input folder's). Run only for a
-- warehouse holding rows without a hospital (the warehouse stage checks, pipeline/run.ts): its
-- statements cost about half a CPU-second to bind and start, which every run paid, on a new
-- warehouse too, while it ran with the landing DDL.
-- Nothing is dropped and the content hashes stay: the re-reading that the changed rules cause
-- finds every record unchanged under its key. Records a file's `hospital` column placed elsewhere
-- cannot be told from the path; such a column was ignored before v2, and named in ignored_columns.
begin transaction;
update feedback_records as records
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where records.hospital is null and files.file_id = records.file_id;
update survey_responses as responses
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where responses.hospital is null and files.file_id = responses.file_id;
update quarantine
set hospital = clean_hospital(hospital_of_path(files.path, getvariable('default_hospital')))
from ingested_files as files
where quarantine.hospital is null and files.file_id = quarantine.file_id;
-- a record whose file is not on record (none should be) takes the configured or input folder's name
update feedback_records set hospital = clean_hospital(getvariable('default_hospital')) where hospital is null;
update survey_responses set hospital = clean_hospital(getvariable('default_hospital')) where hospital is null;
-- before hospitals, (source, id) was the whole key: each row below matches one record
update text_analyses as analyses
set hospital = records.hospital
from feedback_records as records
where analyses.hospital is null and records.source = analyses.source and records.id = analyses.id;
delete from inferred_categories where hospital is null;
commit;
