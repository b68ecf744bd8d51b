-- Grain: one row per answered item (a q_<code> column not blank) of a data row of the survey file
-- being ingested (temp table input_rows), with its score where it is a whole number from 1 to 5
-- (is_valid): the answers unpivoted, so that any number of q_ columns is handled alike. What
-- stg_survey checks and load_survey lands.
create or replace temp table stg_survey_answers as
with answers as (
    unpivot (select _row, columns('^q_') from input_rows)
    on columns('^q_')
    into name item_column value answer_raw
),

final as (
    select
        _row as file_row,
        lower(substr(item_column, 3)) as item_code,
        item_column,
        trim(answer_raw) as answer_raw,
        try_cast(trim(answer_raw) as double) as answer_number
    from answers
    where trim(answer_raw) <> ''
)

select
    file_row,
    item_code,
    item_column,
    answer_raw,
    -- cast only what passed the check: 128, 1e308, NaN or -inf would stop the run as a tinyint
    case when is_valid then answer_number::tinyint end as score,
    is_valid
from (
    select *, coalesce(isfinite(answer_number) and answer_number = round(answer_number) and answer_number between 1 and 5, false) as is_valid
    from final
);
