-- The keys of survey_responses under the names stored_feedback_keys gives feedback_records, for the
-- outcome model both kinds share.
create or replace view stored_survey_keys as
select hospital, source, response_id as record_id, content_hash, file_id from survey_responses;
