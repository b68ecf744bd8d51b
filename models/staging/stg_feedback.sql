-- Grain: one row per data row of the feedback file being ingested (temp table input_rows, every
-- column text), typed, with coded values mapped through value_lookup, and `problem`: the first
-- reason, if any, that puts the row in quarantine. Variables: default_source (the file's name),
-- timezone, today (the run's date at the hospital).
create or replace temp table stg_feedback as
with input as (
    select * from input_rows
),

lookups as (
    select * from value_lookup
),

cleaned as (
    select
        input._row as file_row,
        nullif(trim(input.id), '') as id,
        coalesce(nullif(trim(input.source), ''), getvariable('default_source')) as source,
        nullif(trim(input.received_at), '') as received_at_raw,
        parse_local_timestamp(input.received_at) as received_at,
        nullif(trim(input.channel), '') as channel_raw,
        channel.value as channel_mapped,
        nullif(trim(input.kind), '') as kind_raw,
        kind.value as kind_mapped,
        nullif(trim(regexp_replace(nfc_normalize(input.department), '\s+', ' ', 'g')), '') as department_raw,
        nullif(trim(input.location), '') as location,
        nullif(trim(input.category), '') as category_raw,
        category.value as category_mapped,
        input.text as text_raw,
        nullif(trim(input.status), '') as status_raw,
        status.value as status_mapped,
        nullif(trim(input.responded_at), '') as responded_at_raw,
        parse_local_timestamp(input.responded_at) as responded_at,
        nullif(trim(input.resolved_at), '') as resolved_at_raw,
        parse_local_timestamp(input.resolved_at) as resolved_at,
        nullif(trim(input.satisfied), '') as satisfied_raw,
        satisfied.value as satisfied_mapped
    from input
    left join lookups as channel on channel.field = 'channel' and channel.alias_key = normalize_key(input.channel)
    left join lookups as kind on kind.field = 'kind' and kind.alias_key = normalize_key(input.kind)
    left join lookups as category on category.field = 'category' and category.alias_key = normalize_key(input.category)
    left join lookups as status on status.field = 'status' and status.alias_key = normalize_key(input.status)
    left join lookups as satisfied on satisfied.field = 'satisfied' and satisfied.alias_key = normalize_key(input.satisfied)
),

checked as (
    select
        *,
        case
            when id is null then {'column': 'id', 'reason': 'id is missing', 'value': null}
            when received_at_raw is null then {'column': 'received_at', 'reason': 'received_at is missing', 'value': null}
            when received_at is null then {'column': 'received_at', 'reason': 'received_at is not a date', 'value': received_at_raw}
            when received_at::date > getvariable('today')
                then {'column': 'received_at', 'reason': 'received_at is in the future', 'value': received_at_raw}
            when received_at < date '2000-01-01'
                then {'column': 'received_at', 'reason': 'received_at is before 2000', 'value': received_at_raw}
            when department_raw is null then {'column': 'department', 'reason': 'department is missing', 'value': null}
            when text_raw is null or trim(text_raw) = '' then {'column': 'text', 'reason': 'text is empty', 'value': null}
            when kind_raw is not null and kind_mapped is null
                then {'column': 'kind', 'reason': 'kind is not a known value', 'value': kind_raw}
            when responded_at_raw is not null and responded_at is null
                then {'column': 'responded_at', 'reason': 'responded_at is not a date', 'value': responded_at_raw}
            when resolved_at_raw is not null and resolved_at is null
                then {'column': 'resolved_at', 'reason': 'resolved_at is not a date', 'value': resolved_at_raw}
            when responded_at < received_at
                then {'column': 'responded_at', 'reason': 'responded_at is before received_at', 'value': responded_at_raw}
            when resolved_at < received_at
                then {'column': 'resolved_at', 'reason': 'resolved_at is before received_at', 'value': resolved_at_raw}
            when satisfied_raw is not null and satisfied_mapped is null
                then {'column': 'satisfied', 'reason': 'satisfied is not yes, no or pending', 'value': satisfied_raw}
        end as problem
    from cleaned
),

final as (
    select
        file_row,
        source,
        id,
        received_at,
        coalesce(channel_mapped, 'other') as channel,
        channel_raw,
        coalesce(kind_mapped, 'complaint') as kind,
        department_raw,
        location,
        category_mapped as category,
        category_raw,
        text_raw,
        status_mapped as status,
        status_raw,
        responded_at,
        resolved_at,
        satisfied_mapped as satisfied,
        -- a JSON list keeps nulls and field boundaries apart, so different records never share a hash
        md5(to_json([
            received_at::varchar, channel_raw, kind_raw, department_raw, location, category_raw, text_raw,
            status_raw, responded_at::varchar, resolved_at::varchar, satisfied_raw
        ])) as content_hash,
        problem
    from checked
)

select * from final;
