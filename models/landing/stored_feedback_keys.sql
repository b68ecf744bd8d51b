-- The keys of feedback_records under the names stored_survey_keys gives survey_responses, for the outcome model both kinds share.
create or replace view stored_feedback_keys as
select hospital, source, id as record_id, content_hash, file_id from feedback_records;
