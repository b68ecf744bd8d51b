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
        unnest(complaint_handling_counts(
            complaints.responded_at, complaints.resolved_at, complaints.satisfied, deadlines.resolved_within_sla, deadlines.on_department_clock
        ))
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
        unnest(complaint_handling_rates(received, responded, resolved, satisfied, satisfaction_answers, resolved_within_sla, resolved_on_clock))
    from counted
)

select * from final;
