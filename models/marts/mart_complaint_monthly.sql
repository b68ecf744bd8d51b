-- Grain: one row per hospital per department (and the hospital's `ALL`: never across hospitals)
-- per month of received_at per category (and `ALL`): the complaints received, for the charts of
-- complaints over time. Counts records of kind `complaint`, as mart_complaint_kpis; a complaint
-- without a category counts under `other`. department_rank orders a hospital's departments by
-- their complaints in the 12 months to the as-of date (1 the most; ties by name; null for `ALL`),
-- so a page can chart the top few without ranking.
create or replace table mart_complaint_monthly as
with complaints as (
    select
        hospital,
        department,
        month,
        category,
        received_at::date >= (getvariable('as_of')::date - interval 12 month) as in_last_12_months
    from int_feedback_months
    where kind = 'complaint'
),

counted as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        month,
        coalesce(category, 'ALL') as category,
        count(*)::integer as complaints
    from complaints
    group by grouping sets ((hospital, department, month, category), (hospital, department, month), (hospital, month, category), (hospital, month))
),

ranked as (
    select
        hospital,
        department,
        row_number() over (partition by hospital order by count(*) filter (where in_last_12_months) desc, department) as department_rank
    from complaints
    group by hospital, department
),

final as (
    select counted.*, ranked.department_rank::integer as department_rank
    from counted
    left join ranked on ranked.hospital = counted.hospital and ranked.department = counted.department
)

select * from final
order by hospital, month, department = 'ALL' desc, department, category = 'ALL' desc, category;
