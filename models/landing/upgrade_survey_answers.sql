-- A warehouse made before a response's answers were a list on its row (survey_responses.answers)
-- holds them in a table survey_answers of one row per answer. Run once for such a warehouse (the
-- warehouse stage checks, pipeline/run.ts): each response gets its answers as a list, every answer
-- kept, and the table goes, so that the view of that name (landing/survey_answers) can take its place.
-- A warehouse made before hospitals has its responses' hospitals by now (upgrade_hospitals); its
-- answers had (source, response_id) as the whole key, so each of them matches one response.
begin transaction;
alter table survey_answers add column if not exists hospital varchar;
update survey_answers as answers
set hospital = responses.hospital
from survey_responses as responses
where answers.hospital is null and responses.source = answers.source and responses.response_id = answers.response_id;
update survey_responses as responses
set answers = listed.answers
from (
    select hospital, source, response_id, list({'item_code': item_code, 'score': score}) as answers
    from survey_answers
    group by hospital, source, response_id
) as listed
where listed.hospital = responses.hospital and listed.source = responses.source and listed.response_id = responses.response_id;
update survey_responses set answers = [] where answers is null;
drop table survey_answers;
commit;
