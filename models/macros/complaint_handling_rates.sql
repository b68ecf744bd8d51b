-- The complaint-handling numbers of contract section 5, defined once for mart_complaint_kpis (per
-- month) and report_week_rates (per week). Each gives a struct that the caller unnests into
-- columns where they stand.
-- complaint_handling_counts(responded_at, resolved_at, satisfied, resolved_within_sla,
-- on_department_clock): aggregates over a group of complaints: received, responded, resolved,
-- satisfied (yes), satisfaction_answers (yes or no), and resolved_within_sla and resolved_on_clock,
-- both only of complaints on the department's clock: one `referred` to an outside authority is
-- on neither side of within_sla_rate.
create or replace macro complaint_handling_counts(responded_at, resolved_at, satisfied, resolved_within_sla, on_department_clock) as
    struct_pack(
        received := count(*),
        responded := count(responded_at),
        resolved := count(resolved_at),
        satisfied := count(*) filter (where satisfied = 'yes'),
        satisfaction_answers := count(*) filter (where satisfied in ('yes', 'no')),
        resolved_within_sla := count(*) filter (where resolved_at is not null and resolved_within_sla and on_department_clock),
        resolved_on_clock := count(*) filter (where resolved_at is not null and on_department_clock)
    );

-- complaint_handling_rates(received, responded, resolved, satisfied, satisfaction_answers,
-- resolved_within_sla, resolved_on_clock): the rates on those counts (percent_of: blank, not 0,
-- without a denominator).
create or replace macro complaint_handling_rates(received, responded, resolved, satisfied, satisfaction_answers, resolved_within_sla, resolved_on_clock) as
    struct_pack(
        response_rate := percent_of(responded, received),
        resolution_rate := percent_of(resolved, received),
        satisfaction_rate := percent_of(satisfied, satisfaction_answers),
        within_sla_rate := percent_of(resolved_within_sla, resolved_on_clock)
    );
