-- Grain: one row per data row of the feedback file being ingested (view input_rows: every column
-- text, trimmed, blanks as null), typed, with coded values mapped through stg_value_aliases, and
-- `problem`: the first reason, if any, that puts the row in quarantine (a code of
-- stg_quarantine_reasons). Variables: default_source (the file's name), file_hospital (see
-- hospital_of_path), today (the run's date at the hospital); the session's TimeZone is the
-- hospital's.
create or replace temp table stg_feedback as
-- the four values checked of each row (source, hospital, id, department), each distinct value
-- cleaned once (input_values_cleaned says why) and joined back
with cleaned_values as materialized (
    select * from input_values_cleaned('input_rows', coalesce(source, getvariable('default_source')), id)
),

-- coded values are few and repeat on every row: each distinct value is normalised and looked up
-- once, then joined back by its exact text
codes as (
    select 'channel' as field, channel as value_raw from input_rows where channel is not null group by all
    union all select 'kind', kind from input_rows where kind is not null group by all
    union all select 'category', category from input_rows where category is not null group by all
    union all select 'status', status from input_rows where status is not null group by all
    union all select 'satisfied', satisfied from input_rows where satisfied is not null group by all
    union all select 'solved', solved from input_rows where solved is not null group by all
),

mapped_codes as (
    select codes.field, codes.value_raw, lookups.value
    from codes
    left join stg_value_aliases as lookups on lookups.field = codes.field and lookups.alias_key = normalize_key(codes.value_raw)
),

cleaned as (
    select
        input._row as file_row,
        input.id,
        -- an id is published as written: one that redaction would change holds personal data
        id.cleaned <> input.id as id_holds_personal_data,
        -- a file's name may carry a phone number or a name: the source is published with every record
        source.cleaned as source,
        coalesce(hospital.cleaned, getvariable('file_hospital')) as hospital,
        input.received_at as received_at_raw,
        parse_local_timestamp(input.received_at) as received_at,
        input.channel as channel_raw,
        channel.value as channel_mapped,
        input.kind as kind_raw,
        kind.value as kind_mapped,
        -- department names as written, in NFC with white space folded (withheld when they hold personal data)
        department.cleaned as department_raw,
        input.location,
        input.category as category_raw,
        category.value as category_mapped,
        input.text is null or trim(input.text) = '' as text_is_empty,
        input.status as status_raw,
        status.value as status_mapped,
        input.responded_at as responded_at_raw,
        parse_local_timestamp(input.responded_at) as responded_at,
        input.resolved_at as resolved_at_raw,
        parse_local_timestamp(input.resolved_at) as resolved_at,
        input.satisfied as satisfied_raw,
        satisfied.value as satisfied_mapped,
        input.solved as solved_raw,
        solved.value as solved_mapped,
        -- of every field as written, as a JSON array: quoting keeps fields apart whatever they hold,
        -- and null stays apart from blank. The text itself is not copied here: the load reads it
        -- from input_rows.
        md5_number_upper(to_json([
            input.received_at, input.channel, input.kind, input.department, input.location, input.category,
            input.text, input.status, input.responded_at, input.resolved_at, input.satisfied
        -- solved (contract v2) only where given, so a record without it keeps the hash it had before
        ] || case when input.solved is not null then [input.solved] else [] end)::varchar) as content_hash
    from input_rows as input
    left join cleaned_values as source on source.kind = 'value' and source.value = coalesce(input.source, getvariable('default_source'))
    left join cleaned_values as hospital on hospital.kind = 'hospital' and hospital.value = input.hospital
    left join cleaned_values as id on id.kind = 'value' and id.value = input.id
    left join mapped_codes as channel on channel.field = 'channel' and channel.value_raw = input.channel
    left join mapped_codes as kind on kind.field = 'kind' and kind.value_raw = input.kind
    left join mapped_codes as category on category.field = 'category' and category.value_raw = input.category
    left join mapped_codes as status on status.field = 'status' and status.value_raw = input.status
    left join mapped_codes as satisfied on satisfied.field = 'satisfied' and satisfied.value_raw = input.satisfied
    left join mapped_codes as solved on solved.field = 'solved' and solved.value_raw = input.solved
    left join cleaned_values as department on department.kind = 'department' and department.value = input.department
),

checked as (
    select
        *,
        coalesce(
            required_fields_problem('id', id, id_holds_personal_data, 'received_at', received_at_raw, received_at, department_raw),
            case
                when text_is_empty then {'column': 'text', 'reason': 'text_empty', 'value': null}
                when kind_raw is not null and kind_mapped is null
                    then {'column': 'kind', 'reason': 'kind_unknown', 'value': kind_raw}
                when responded_at_raw is not null and responded_at is null
                    then {'column': 'responded_at', 'reason': 'responded_at_not_a_date', 'value': responded_at_raw}
                when resolved_at_raw is not null and resolved_at is null
                    then {'column': 'resolved_at', 'reason': 'resolved_at_not_a_date', 'value': resolved_at_raw}
                when responded_at < received_at
                    then {'column': 'responded_at', 'reason': 'responded_at_before_received_at', 'value': responded_at_raw}
                when resolved_at < received_at
                    then {'column': 'resolved_at', 'reason': 'resolved_at_before_received_at', 'value': resolved_at_raw}
                -- a year such as 99999 parses: it would stretch every clock and duration after it
                when responded_at::date > getvariable('today')
                    then {'column': 'responded_at', 'reason': 'responded_at_in_future', 'value': responded_at_raw}
                when resolved_at::date > getvariable('today')
                    then {'column': 'resolved_at', 'reason': 'resolved_at_in_future', 'value': resolved_at_raw}
                when satisfied_raw is not null and satisfied_mapped is null
                    then {'column': 'satisfied', 'reason': 'satisfied_unknown', 'value': satisfied_raw}
                when solved_raw is not null and solved_mapped is null
                    then {'column': 'solved', 'reason': 'solved_unknown', 'value': solved_raw}
            end
        ) as problem
    from cleaned
),

final as (
    select
        file_row,
        hospital,
        source,
        id,
        id as record_id,
        received_at,
        coalesce(channel_mapped, 'other') as channel,
        nullif(channel_raw, channel_mapped) as channel_raw,
        coalesce(kind_mapped, 'complaint') as kind,
        department_raw,
        location,
        category_mapped as category,
        nullif(category_raw, category_mapped) as category_raw,
        status_mapped as status,
        nullif(status_raw, status_mapped) as status_raw,
        responded_at,
        resolved_at,
        satisfied_mapped as satisfied,
        solved_mapped as solved,
        content_hash,
        problem
    from checked
)

select * from final;
