-- Grain: one row per answered questionnaire item of a survey response: the answers that
-- survey_responses keeps as a list on each response's row, one row each, for whoever reads the
-- warehouse by answer. The marts unnest the lists themselves, joined per response first.
create or replace view survey_answers as
with listed as (
    select source, response_id, hospital, unnest(answers) as answer
    from survey_responses
)

select source, response_id, answer.item_code, answer.score, hospital
from listed;
