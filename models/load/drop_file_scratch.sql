-- Drops the temp tables that reading, checking and loading one input file built: its rows as read,
-- staged and with their outcome, each holding the whole file. Left, they would stay in DuckDB's
-- memory (within its limit) until the run ends: 2.8 GB of its 4 GB after the scale bench's 1M
-- records and 2M survey responses, room the next file and the later stages need. The broken rows
-- (raw_broken, few) stay, as the quarantine's.
drop view if exists input_rows;
drop table if exists raw_rows;
drop table if exists raw_lines;
drop table if exists raw_broken_places;
drop table if exists reject_errors;
drop table if exists reject_scans;
drop table if exists stg_feedback;
drop table if exists stg_survey_answers;
drop table if exists stg_survey;
drop table if exists int_record_outcome;
drop table if exists survey_incoming;
-- a file staged in slices (pipeline/ingest/stage-slices.ts) that stopped before its last slice
drop table if exists stg_feedback_whole;
drop table if exists stg_survey_answers_whole;
drop table if exists stg_survey_whole;
