-- Grain: one row per feedback record in the warehouse (hospital, source, id), with its canonical department, the
-- language of its text and its category, given or inferred by the text stage. Reads only redacted
-- text: raw text never leaves the landing tables. The location and the coded values as written are redacted here, where
-- everything published about a record is read from.
-- Incremental (pipeline/plan.ts): the rows of the records in int_changed_records.
create or replace temp view fct_feedback_changed as
with changed as (
    select hospital, source, id from int_changed_records where record_type = 'feedback'
),

records as (
    -- the landing table keeps a redaction only where it changed the text; raw text stops here
    select
        * exclude (text_raw, text_redacted),
        coalesce(text_redacted, text_raw) as text_redacted,
        -- a social platform (contract v2) is kept as the record's platform and grouped as `social`
        case when channel in ('wechat', 'weibo', 'douyin', 'facebook', 'zalo', 'tiktok', 'youtube') then channel::varchar end as platform
    from feedback_records
    semi join changed using (hospital, source, id)
),

-- The location and the coded values as written, redacted by one call of the macro over their
-- distinct values and joined back: each call in a statement costs 0.04 CPU-s to set up, whatever
-- the rows, and again for each thread and each join above it (README, "Where that fixed cost goes")
redacted as materialized (
    select value, redact_pii(value) as value_redacted
    from (
        select distinct unnest([location, category_raw, channel_raw, status_raw]) as value
        from feedback_records
        semi join changed using (hospital, source, id)
    )
    where value is not null
),

departments as (
    select * from dim_department
),

analyses as (
    select hospital, source, id, content_hash, lang from text_analyses
),

inferred as (
    select hospital, source, id, category::varchar as category from inferred_categories
),

final as (
    select
        hospital,
        records.source,
        records.id,
        records.received_at,
        departments.department,
        departments.department_code,
        departments.is_known as department_is_known,
        location.value_redacted as location,
        case when records.platform is not null then 'social' else records.channel::varchar end as channel,
        records.kind::varchar as kind,
        -- the text stage reads every record before the marts; letters decide only without it
        coalesce(analyses.lang, script_language(records.text_redacted)) as lang,
        coalesce(records.category::varchar, inferred.category) as category,
        case when records.category is not null then 'given' when inferred.category is not null then 'inferred' end as category_source,
        -- as written, where that differs from the value used: an alias (12345热线), or a value nobody
        -- recognised, which left the category to be inferred (category_source 'inferred' with a
        -- category_raw) or the channel 'other'; redacted like the location, as they can be published
        category_raw.value_redacted as category_raw,
        channel_raw.value_redacted as channel_raw,
        status_raw.value_redacted as status_raw,
        records.status::varchar as status,
        records.responded_at,
        records.resolved_at,
        records.satisfied::varchar as satisfied,
        records.text_redacted,
        records.platform,
        records.solved::varchar as solved
    from records
    inner join departments using (hospital, department_raw)
    left join analyses using (hospital, source, id, content_hash)
    left join inferred using (hospital, source, id)
    left join redacted as location on location.value = records.location
    left join redacted as category_raw on category_raw.value = records.category_raw
    left join redacted as channel_raw on channel_raw.value = records.channel_raw
    left join redacted as status_raw on status_raw.value = records.status_raw
)

select * from final;
