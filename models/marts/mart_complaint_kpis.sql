-- Grain: one row per hospital per department (and the hospital's `ALL`: never across hospitals)
-- per month of received_at: the complaint-handling
-- numbers of contract section 5. Counts records of kind `complaint`; a rate whose denominator is 0
-- is null (blank in the export), never 0. A complaint is resolved within SLA when it is resolved on
-- or before its due date: `sla_days` of its category in complaint_sla.csv counted in working days
-- of its hospital's calendar (see int_complaint_deadlines). Beyond the contract: the median hours
-- to the first response, the complaints now `escalated`, and the count resolved within SLA.
-- The rates as a 12345 office counts them (README, "Complaint rates"): complaints `referred` to an
-- outside authority count in `received` and in `referred`, but are held against neither the SLA
-- nor the response limit: responded_in_time_rate = answered within the response limit of its
-- channel and source (response_limits.csv) / received less referred; within_sla_rate leaves them
-- out of both sides. solved_rate = the callback's `solved` yes / (yes + no). The gov_hotline_
-- columns are the same rates for the 12345 work orders (channel gov_hotline) alone. weighted_score
-- is the weighted mean of responded_in_time_rate, resolution_rate, solved_rate and
-- satisfaction_rate with the config's weights (variables score_weight_<rate>): null without
-- weights, or when a weighted rate is null.
create or replace table mart_complaint_kpis as
with complaints as (
    select hospital, source, id, department, strftime(received_at, '%Y-%m') as month, status, received_at, responded_at, resolved_at, satisfied,
        channel, solved
    from fct_feedback
    where kind = 'complaint'
),

deadlines as (
    select hospital, source, id, resolved_within_sla, responded_in_time, on_department_clock from int_complaint_deadlines
),

timed as (
    select
        complaints.*,
        date_diff('second', received_at, responded_at) / 3600.0 as hours_to_respond,
        date_diff('second', received_at, resolved_at) / 3600.0 as hours_to_resolve,
        deadlines.resolved_within_sla,
        deadlines.responded_in_time,
        deadlines.on_department_clock
    from complaints
    left join deadlines
        on deadlines.hospital = complaints.hospital and deadlines.source = complaints.source and deadlines.id = complaints.id
),

counted as (
    select
        hospital,
        coalesce(department, 'ALL') as department,
        month,
        unnest(complaint_handling_counts(responded_at, resolved_at, satisfied, resolved_within_sla, on_department_clock)),
        median(hours_to_resolve) as median_hours_to_resolve,
        median(hours_to_respond) as median_hours_to_respond,
        count(*) filter (where status = 'escalated') as escalated,
        count(*) filter (where not on_department_clock) as referred,
        count(*) filter (where on_department_clock) as received_on_clock,
        count(*) filter (where responded_in_time and on_department_clock) as responded_in_time,
        count(*) filter (where solved = 'yes') as solved,
        count(*) filter (where solved in ('yes', 'no')) as solved_answers,
        count(*) filter (where channel = 'gov_hotline') as gov_hotline_received,
        count(*) filter (where channel = 'gov_hotline' and on_department_clock) as gov_hotline_received_on_clock,
        count(*) filter (where channel = 'gov_hotline' and responded_in_time and on_department_clock) as gov_hotline_responded_in_time,
        count(*) filter (where channel = 'gov_hotline' and resolved_at is not null) as gov_hotline_resolved,
        count(*) filter (where channel = 'gov_hotline' and solved = 'yes') as gov_hotline_solved,
        count(*) filter (where channel = 'gov_hotline' and solved in ('yes', 'no')) as gov_hotline_solved_answers,
        count(*) filter (where channel = 'gov_hotline' and satisfied = 'yes') as gov_hotline_satisfied,
        count(*) filter (where channel = 'gov_hotline' and satisfied in ('yes', 'no')) as gov_hotline_satisfaction_answers
    from timed
    group by grouping sets ((hospital, department, month), (hospital, month))
),

rated as (
    select
        hospital,
        department,
        month,
        received::integer as received,
        responded::integer as responded,
        resolved::integer as resolved,
        satisfied::integer as satisfied,
        unnest(complaint_handling_rates(received, responded, resolved, satisfied, satisfaction_answers, resolved_within_sla, resolved_on_clock)),
        median_hours_to_resolve,
        median_hours_to_respond,
        escalated::integer as escalated,
        resolved_within_sla::integer as resolved_within_sla,
        satisfaction_answers::integer as satisfaction_answers,
        percent_of(responded_in_time, received_on_clock) as responded_in_time_rate,
        percent_of(solved, solved_answers) as solved_rate,
        referred::integer as referred,
        responded_in_time::integer as responded_in_time,
        solved::integer as solved,
        solved_answers::integer as solved_answers,
        gov_hotline_received::integer as gov_hotline_received,
        percent_of(gov_hotline_responded_in_time, gov_hotline_received_on_clock) as gov_hotline_responded_in_time_rate,
        percent_of(gov_hotline_resolved, gov_hotline_received) as gov_hotline_resolution_rate,
        percent_of(gov_hotline_solved, gov_hotline_solved_answers) as gov_hotline_solved_rate,
        percent_of(gov_hotline_satisfied, gov_hotline_satisfaction_answers) as gov_hotline_satisfaction_rate
    from counted
),

weights as (
    select
        coalesce(getvariable('score_weight_responded_in_time'), 0)::double as responded_in_time,
        coalesce(getvariable('score_weight_resolution'), 0)::double as resolution,
        coalesce(getvariable('score_weight_solved'), 0)::double as solved,
        coalesce(getvariable('score_weight_satisfaction'), 0)::double as satisfaction
),

final as (
    select
        rated.*,
        case when weights.responded_in_time + weights.resolution + weights.solved + weights.satisfaction > 0 then (
            case when weights.responded_in_time > 0 then weights.responded_in_time * rated.responded_in_time_rate else 0 end
            + case when weights.resolution > 0 then weights.resolution * rated.resolution_rate else 0 end
            + case when weights.solved > 0 then weights.solved * rated.solved_rate else 0 end
            + case when weights.satisfaction > 0 then weights.satisfaction * rated.satisfaction_rate else 0 end
        ) / (weights.responded_in_time + weights.resolution + weights.solved + weights.satisfaction) end as weighted_score
    from rated
    cross join weights
)

select * from final
order by hospital, month, department = 'ALL' desc, department;
