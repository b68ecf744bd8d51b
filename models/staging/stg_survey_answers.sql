-- Grain: one row per data row of the survey file being ingested (temp table input_rows), with its
-- answered items (the q_<code> columns not blank) as one list, each with its score where it is a
-- whole number from 1 to 5, and the first answer (by column name) that is not: what stg_survey
-- checks and load_survey lands. The answers stay a list on the response's row (survey_responses):
-- one row per answer would store some 29 rows per response, and the marts read them per response.
create or replace temp table stg_survey_answers as
with item_columns as (
    -- the q_ columns in the order columns('^q_') gives their values, so any number of them is handled alike
    select coalesce(list(column_name order by column_index), []) as names
    from duckdb_columns()
    where database_name = 'temp' and table_name = 'input_rows' and regexp_matches(column_name, '^q_')
),

raw as (
    select _row as file_row, list_value(*columns('^q_')) as answers_raw from input_rows
),

given as (
    select
        raw.file_row,
        list_filter(
            list_transform(
                list_zip(item_columns.names, raw.answers_raw),
                pair -> {'item_column': pair[1], 'answer_raw': trim(pair[2]), 'number': try_cast(trim(pair[2]) as double)}
            ),
            answer -> answer.answer_raw <> ''
        ) as answers
    from raw
    cross join item_columns
),

checked as (
    select
        file_row,
        list_transform(
            answers,
            answer -> {
                'item_column': answer.item_column,
                'answer_raw': answer.answer_raw,
                'number': answer.number,
                'is_valid': coalesce(isfinite(answer.number) and answer.number = round(answer.number) and answer.number between 1 and 5, false)
            }
        ) as answers
    from given
),

final as (
    select
        file_row,
        -- cast only what passed the check: 128, 1e308, NaN or -inf would stop the run as a tinyint
        list_transform(answers, answer -> {'item_code': lower(substr(answer.item_column, 3)), 'score': case when answer.is_valid then answer.number::tinyint end}) as answers,
        list_sort(list_transform(list_filter(answers, answer -> not answer.is_valid), answer -> {'item_column': answer.item_column, 'answer_raw': answer.answer_raw}))[1] as first_bad
    from checked
)

select
    file_row,
    answers,
    first_bad.item_column as bad_item_column,
    first_bad.answer_raw as bad_answer_raw
from final;
