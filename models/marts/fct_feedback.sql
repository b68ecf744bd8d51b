-- Grain: one row per feedback record in the warehouse, with its canonical department, the
-- language of its text and its category, given or inferred by the text stage. Reads only redacted
-- text: raw text never leaves the landing tables. The location as written is redacted here, where
-- everything published about a record is read from.
create or replace table fct_feedback as
with records as (
    -- the landing table keeps a redaction only where it changed the text; raw text stops here
    select * exclude (text_raw, text_redacted), coalesce(text_redacted, text_raw) as text_redacted
    from feedback_records
),

departments as (
    select * from dim_department
),

analyses as (
    select source, id, content_hash, lang from text_analyses
),

inferred as (
    select source, id, category::varchar as category from inferred_categories
),

final as (
    select
        records.source,
        records.id,
        records.received_at,
        departments.department,
        departments.department_code,
        departments.is_known as department_is_known,
        redact_pii(records.location) as location,
        records.channel::varchar as channel,
        records.kind::varchar as kind,
        -- the text stage reads every record before the marts; letters decide only without it
        coalesce(analyses.lang, script_language(records.text_redacted)) as lang,
        coalesce(records.category::varchar, inferred.category) as category,
        case when records.category is not null then 'given' when inferred.category is not null then 'inferred' end as category_source,
        records.status::varchar as status,
        records.responded_at,
        records.resolved_at,
        records.satisfied::varchar as satisfied,
        records.text_redacted
    from records
    inner join departments on departments.department_raw = records.department_raw
    left join analyses using (source, id, content_hash)
    left join inferred using (source, id)
)

select * from final;
