-- Grain: one row per feedback record in the warehouse, with its canonical department and the
-- language of its text. Reads only redacted text: raw text never leaves the landing tables.
create or replace table fct_feedback as
with records as (
    -- the landing table keeps a redaction only where it changed the text; raw text stops here
    select * exclude (text_raw, text_redacted), coalesce(text_redacted, text_raw) as text_redacted
    from feedback_records
),

departments as (
    select * from dim_department
),

final as (
    select
        records.source,
        records.id,
        records.received_at,
        departments.department,
        departments.department_code,
        departments.is_known as department_is_known,
        records.location,
        records.channel::varchar as channel,
        records.kind::varchar as kind,
        script_language(records.text_redacted) as lang,
        records.category::varchar as category,
        case when records.category is not null then 'given' end as category_source,
        records.status::varchar as status,
        records.responded_at,
        records.resolved_at,
        records.satisfied::varchar as satisfied,
        records.text_redacted
    from records
    inner join departments on departments.department_raw = records.department_raw
)

select * from final;
