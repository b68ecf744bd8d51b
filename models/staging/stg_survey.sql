-- Grain: one row per data row of the survey file being ingested (temp table input_rows: the
-- contract's survey columns and every q_<code> column, all text), typed, with `problem`: the first
-- reason, if any, that puts the row in quarantine (a code of stg_quarantine_reasons); its answers
-- are stg_survey_answers, one list per data row.
create or replace temp table stg_survey as
with hashed as (
    -- the hash covers every field as written, the row number aside, so that a re-export in another
    -- order holds the same responses; the hospital aside too, as it is part of the key (and so a
    -- warehouse made before hospitals finds its responses unchanged); survey_mode, added to the
    -- record later, only where a file gives it, so files without it keep their responses' hashes
    select
        * exclude (fields),
        md5_number_upper(to_json(case when survey_mode is null then fields else list_append(fields, survey_mode) end)::varchar) as content_hash
    from (select *, list_value(*columns(* exclude (_row, hospital, survey_mode))) as fields from input_rows)
),

-- the four values checked of each row, each distinct value cleaned once (input_values_cleaned
-- says why) and joined back
cleaned_values as materialized (
    select * from input_values_cleaned('input_rows', coalesce(nullif(trim(source), ''), getvariable('default_source')), nullif(trim(response_id), ''))
),

lookups as (
    select * from stg_value_aliases
),

answers as (
    select * from stg_survey_answers
),

cleaned as (
    select
        input._row as file_row,
        nullif(trim(input.response_id), '') as response_id,
        response_id.cleaned <> nullif(trim(input.response_id), '') as response_id_holds_personal_data,
        -- a file's name may carry a phone number or a name: the source is published with every record
        source.cleaned as source,
        coalesce(hospital.cleaned, getvariable('file_hospital')) as hospital,
        nullif(trim(input.submitted_at), '') as submitted_at_raw,
        parse_local_timestamp(input.submitted_at) as submitted_at,
        department.cleaned as department_raw,
        nullif(trim(input.patient_type), '') as patient_type_raw,
        patient_type.value as patient_type,
        -- hearken's extension (ward visit, post-discharge call, kiosk, online): a spelling nobody
        -- knows is `other`, kept as written where it differs, as a channel is
        case when nullif(trim(input.survey_mode), '') is not null then coalesce(mode_lookup.value, 'other') end as survey_mode,
        nullif(nullif(trim(input.survey_mode), ''), mode_lookup.value) as survey_mode_raw,
        nullif(trim(input.overall), '') as overall_raw,
        try_cast(trim(input.overall) as double) as overall_number,
        nullif(trim(input.recommend), '') as recommend_raw,
        try_cast(trim(input.recommend) as double) as recommend_number,
        case when trim(input.comment) <> '' then input.comment end as comment_raw,
        answers.bad_item_column,
        answers.bad_answer_raw,
        input.content_hash
    from hashed as input
    left join cleaned_values as source on source.kind = 'value' and source.value = coalesce(nullif(trim(input.source), ''), getvariable('default_source'))
    left join cleaned_values as hospital on hospital.kind = 'hospital' and hospital.value = input.hospital
    left join cleaned_values as response_id on response_id.kind = 'value' and response_id.value = nullif(trim(input.response_id), '')
    left join cleaned_values as department on department.kind = 'department' and department.value = input.department
    left join lookups as patient_type
        on patient_type.field = 'patient_type' and patient_type.alias_key = normalize_key(input.patient_type)
    left join lookups as mode_lookup
        on mode_lookup.field = 'survey_mode' and mode_lookup.alias_key = normalize_key(input.survey_mode)
    left join answers on answers.file_row = input._row
),

checked as (
    select
        *,
        coalesce(
            required_fields_problem('response_id', response_id, response_id_holds_personal_data, 'submitted_at', submitted_at_raw, submitted_at, department_raw),
            case
                when bad_item_column is not null
                    then {'column': bad_item_column, 'reason': 'answer_not_1_to_5', 'value': bad_answer_raw}
                when overall_raw is not null and not coalesce(isfinite(overall_number) and overall_number = round(overall_number) and overall_number between 1 and 5, false)
                    then {'column': 'overall', 'reason': 'overall_not_1_to_5', 'value': overall_raw}
                when recommend_raw is not null and not coalesce(isfinite(recommend_number) and recommend_number = round(recommend_number) and recommend_number between 0 and 10, false)
                    then {'column': 'recommend', 'reason': 'recommend_not_0_to_10', 'value': recommend_raw}
                when patient_type_raw is not null and patient_type is null
                    then {'column': 'patient_type', 'reason': 'patient_type_unknown', 'value': patient_type_raw}
            end
        ) as problem
    from cleaned
),

final as (
    select
        file_row,
        hospital,
        source,
        response_id,
        response_id as record_id,
        submitted_at,
        department_raw,
        patient_type,
        survey_mode,
        survey_mode_raw,
        -- a quarantined row's numbers may be any magnitude: cast only a loaded row's
        case when problem is null then overall_number::tinyint end as overall,
        case when problem is null then recommend_number::tinyint end as recommend,
        comment_raw,
        content_hash,
        problem
    from checked
)

select * from final;
