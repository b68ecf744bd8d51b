-- required_fields_problem(id_column, id, id_holds_personal_data, time_column, time_raw, time_parsed,
-- department) -> the first quarantine problem of the fields every record must give, in the order
-- staging checks them (stg_feedback, stg_survey: their own checks come after), or null: the id
-- missing, the id holding personal data, the record's time (timestamp_problem), the department
-- missing. Reasons are codes `<column>_<problem>` (see stg_quarantine_reasons).
-- An id is published as written (exports, evidence): one that holds a phone, an ID number, an
-- e-mail or a name is a column mapped wrongly, and its value is not kept even in quarantine.
create or replace macro required_fields_problem(id_column, id, id_holds_personal_data, time_column, time_raw, time_parsed, department) as (
    coalesce(
        missing_problem(id_column, id),
        case when id_holds_personal_data then {'column': id_column, 'reason': id_column || '_personal_data', 'value': null::varchar} end,
        timestamp_problem(time_column, time_raw, time_parsed),
        missing_problem('department', department)
    )
);
