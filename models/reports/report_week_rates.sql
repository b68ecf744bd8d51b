-- Grain: one row per ISO week with complaints received: the complaint-handling numbers of
-- mart_complaint_kpis (same definitions, counted the same way) for the complaints received that
-- week instead of that month: a complaint `referred` to an outside authority is off the
-- department's clock, in neither side of within_sla_rate (contract section 5). A complaint is its
-- hospital's, source's and id's: a group's report holds several hospitals.
create or replace temp table report_week_rates as
with complaints as (
    select hospital, source, id, date_trunc('week', received_at)::date as week_start, responded_at, resolved_at, satisfied
    from report_feedback
    where kind = 'complaint'
),

deadlines as (
    select hospital, source, id, resolved_within_sla, on_department_clock from report_complaint_deadlines
),

counted as (
    select
        complaints.week_start,
        count(*) as received,
        count(complaints.responded_at) as responded,
        count(complaints.resolved_at) as resolved,
        count(*) filter (where complaints.satisfied = 'yes') as satisfied,
        count(*) filter (where complaints.satisfied in ('yes', 'no')) as satisfaction_answers,
        count(*) filter (where complaints.resolved_at is not null and deadlines.resolved_within_sla and deadlines.on_department_clock) as resolved_within_sla,
        count(*) filter (where complaints.resolved_at is not null and deadlines.on_department_clock) as resolved_on_clock
    from complaints
    left join deadlines
        on deadlines.hospital is not distinct from complaints.hospital and deadlines.source = complaints.source and deadlines.id = complaints.id
    group by complaints.week_start
),

final as (
    select
        strftime(week_start, '%Y-%m-%d') as week_start,
        received::integer as received,
        responded::integer as responded,
        resolved::integer as resolved,
        satisfied::integer as satisfied,
        satisfaction_answers::integer as satisfaction_answers,
        resolved_within_sla::integer as resolved_within_sla,
        percent_of(responded, received) as response_rate,
        percent_of(resolved, received) as resolution_rate,
        percent_of(satisfied, satisfaction_answers) as satisfaction_rate,
        percent_of(resolved_within_sla, resolved_on_clock) as within_sla_rate
    from counted
)

select * from final;
