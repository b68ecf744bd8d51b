-- Grain: one row per hospital per department (and the hospital's `ALL`: never across hospitals)
-- per month of received_at: the praise received (records of kind `praise`), for the recognition
-- the practice gives staff, and its themes that month: the terms most praise records of the month
-- hold (document frequency, as mart_term_frequency counts; ties by term), at most five, as people
-- write them (dim_term's surface), template words left out. Exported as `praise` (contract
-- section 5: hospital first, run_id added on export).
create or replace table mart_praise as
with praise as (
    select hospital, department, month
    from int_feedback_months
    where kind = 'praise'
),

counted as (
    select
        hospital,
        case when grouping(department) = 1 then 'ALL' else department end as department,
        month,
        count(*)::integer as praise
    from praise
    group by grouping sets ((hospital, department, month), (hospital, month))
),

-- a department's counts kept by month (int_praise_term_months); the hospital's are their sum, as
-- each record is of one department
term_records as (
    select
        hospital,
        case when grouping(department) = 1 then 'ALL' else department end as department,
        month,
        lang,
        term,
        sum(records)::bigint as records
    from int_praise_term_months
    group by grouping sets ((hospital, department, month, lang, term), (hospital, month, lang, term))
),

themes as (
    select
        term_records.hospital,
        term_records.department,
        term_records.month,
        list(dim_term.surface order by term_records.records desc, term_records.term) as themes
    from term_records
    inner join dim_term on dim_term.lang = term_records.lang and dim_term.term = term_records.term
    where dim_term.template_source is null
    group by term_records.hospital, term_records.department, term_records.month
),

final as (
    select counted.hospital, counted.department, counted.month, counted.praise, coalesce(themes.themes[1:5], []::varchar[]) as themes
    from counted
    left join themes using (hospital, department, month)
)

select * from final
order by hospital, month, department = 'ALL' desc, department;
