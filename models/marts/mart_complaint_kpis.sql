-- Grain: one row per hospital per department (and the hospital's `ALL`: never across hospitals)
-- per month of received_at: the complaint-handling
-- numbers of contract section 5. Counts records of kind `complaint`; a rate whose denominator is 0
-- is null (blank in the export), never 0. A complaint is resolved within SLA when it is resolved on
-- or before its due date: `sla_days` of its category in complaint_sla.csv counted in working days
-- of its hospital's calendar (see int_complaint_deadlines). Beyond the contract: the median hours
-- to the first response, the complaints now `escalated`, and the count resolved within SLA.
create or replace table mart_complaint_kpis as
with complaints as (
    select hospital, source, id, department, strftime(received_at, '%Y-%m') as month, status, received_at, responded_at, resolved_at, satisfied
    from fct_feedback
    where kind = 'complaint'
),

deadlines as (
    select hospital, source, id, resolved_within_sla from int_complaint_deadlines
),

timed as (
    select
        complaints.*,
        date_diff('second', received_at, responded_at) / 3600.0 as hours_to_respond,
        date_diff('second', received_at, resolved_at) / 3600.0 as hours_to_resolve,
        deadlines.resolved_within_sla
    from complaints
    left join deadlines
        on deadlines.hospital = complaints.hospital and deadlines.source = complaints.source and deadlines.id = complaints.id
),

counted as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        month,
        count(*) as received,
        count(responded_at) as responded,
        count(resolved_at) as resolved,
        count(*) filter (where satisfied = 'yes') as satisfied,
        count(*) filter (where satisfied in ('yes', 'no')) as satisfaction_answers,
        count(*) filter (where resolved_at is not null and resolved_within_sla) as resolved_within_sla,
        median(hours_to_resolve) as median_hours_to_resolve,
        median(hours_to_respond) as median_hours_to_respond,
        count(*) filter (where status = 'escalated') as escalated
    from timed
    group by grouping sets ((hospital, department, month), (hospital, month))
),

final as (
    select
        hospital,
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
        median_hours_to_resolve,
        median_hours_to_respond,
        escalated::integer as escalated,
        resolved_within_sla::integer as resolved_within_sla,
        satisfaction_answers::integer as satisfaction_answers
    from counted
)

select * from final
order by hospital, month, department = 'ALL' desc, department;
