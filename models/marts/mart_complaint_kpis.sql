-- Grain: one row per department (and `ALL`) per month of received_at: the complaint-handling
-- numbers of contract section 5. Counts records of kind `complaint`; a rate whose denominator is 0
-- is null (blank in the export), never 0. The SLA of a complaint is the `sla_days` of its category
-- in complaint_sla.csv (uncategorised complaints take `other`'s), counted in calendar days from
-- received_at to resolved_at.
create or replace table mart_complaint_kpis as
with complaints as (
    select department, strftime(received_at, '%Y-%m') as month, category, received_at, responded_at, resolved_at, satisfied
    from fct_feedback
    where kind = 'complaint'
),

sla as (
    select lower(trim(category)) as category, max(sla_days::double) as sla_days
    from ref_complaint_sla_raw
    group by 1
),

timed as (
    select
        complaints.*,
        date_diff('second', received_at, resolved_at) / 3600.0 as hours_to_resolve,
        coalesce(sla.sla_days, other.sla_days) * 24 as sla_hours
    from complaints
    left join sla on sla.category = complaints.category
    left join sla as other on other.category = 'other'
),

counted as (
    select
        coalesce(department, 'ALL') as department,
        month,
        count(*) as received,
        count(responded_at) as responded,
        count(resolved_at) as resolved,
        count(*) filter (where satisfied = 'yes') as satisfied,
        count(*) filter (where satisfied in ('yes', 'no')) as satisfaction_answers,
        count(*) filter (where resolved_at is not null and hours_to_resolve <= sla_hours) as resolved_within_sla,
        median(hours_to_resolve) as median_hours_to_resolve
    from timed
    group by grouping sets ((department, month), (month))
),

final as (
    select
        department,
        month,
        received::integer as received,
        responded::integer as responded,
        resolved::integer as resolved,
        satisfied::integer as satisfied,
        case when received > 0 then 100.0 * responded / received end as response_rate,
        case when received > 0 then 100.0 * resolved / received end as resolution_rate,
        case when satisfaction_answers > 0 then 100.0 * satisfied / satisfaction_answers end as satisfaction_rate,
        case when resolved > 0 then 100.0 * resolved_within_sla / resolved end as within_sla_rate,
        median_hours_to_resolve
    from counted
)

select * from final
order by month, department = 'ALL' desc, department;
