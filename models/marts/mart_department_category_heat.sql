-- Grain: one row per hospital per department per category per month (of the hospital's months,
-- from its first complaint to its last) where the department had complaints of that category that
-- month or in the 12 months before: the month's complaints against their expected level, the
-- mean of the 12 months before (a month without any counts 0; a hospital's months before its
-- first complaint do not count, so expected is the mean over history_months, at most 12, and null
-- without history). ratio = observed / expected where expected > 0. well_above flags a cell of at
-- least 3 complaints and at least twice its expected level (or new: none before), what the
-- department × category heatmap outlines. Counts records of kind `complaint`, as
-- mart_complaint_monthly, never across hospitals.
create or replace table mart_department_category_heat as
with monthly as (
    select hospital, department, category, month, complaints
    from mart_complaint_monthly
    where department <> 'ALL' and category <> 'ALL'
),

spans as (
    select hospital, min(month) as first_month, max(month) as last_month
    from monthly
    group by hospital
),

hospital_months as (
    select hospital, strftime(unnest(generate_series((first_month || '-01')::date, (last_month || '-01')::date, interval 1 month)), '%Y-%m') as month
    from spans
),

cells as (
    select distinct hospital, department, category
    from monthly
),

grid as (
    select
        cells.hospital,
        cells.department,
        cells.category,
        hospital_months.month,
        coalesce(monthly.complaints, 0) as observed,
        year(strptime(hospital_months.month, '%Y-%m')) * 12 + month(strptime(hospital_months.month, '%Y-%m')) as month_index
    from cells
    inner join hospital_months on hospital_months.hospital = cells.hospital
    left join monthly
        on monthly.hospital = cells.hospital
        and monthly.department = cells.department
        and monthly.category = cells.category
        and monthly.month = hospital_months.month
),

with_history as (
    select
        *,
        sum(observed) over before_month as history_complaints,
        count(*) over before_month as history_months
    from grid
    window before_month as (partition by hospital, department, category order by month_index range between 12 preceding and 1 preceding)
),

final as (
    select
        hospital,
        department,
        category,
        month,
        observed::integer as observed,
        history_months::integer as history_months,
        case when history_months > 0 then history_complaints / history_months end::double as expected,
        case when history_complaints > 0 then observed / (history_complaints / history_months) end::double as ratio,
        observed >= 3 and (coalesce(history_complaints, 0) = 0 or observed >= 2 * history_complaints / history_months) as well_above
    from with_history
    where observed > 0 or history_complaints > 0
)

select * from final
order by hospital, month, department, category;
