-- Grain: one row per warning the marts support at the as-of date, before its lifecycle (new,
-- ongoing, resolved: pipeline/warnings). `warning_key` names what the warning is about and stays
-- the same while the problem lasts, so its id is stable across runs:
--   satisfaction_drop: a hospital's department (or the whole hospital) whose latest complete month
--     or week fell in a section or the whole form, for a patient type or every patient
--     (mart_satisfaction_drop_candidates: one per department, every cell and method merged);
--   sla_breach: an open case that passed its due date or an escalation step (mart_open_cases).
-- Every warning is one hospital's: the same department name in two hospitals is two warnings.
create or replace table mart_warning_candidates as
with drops as (
    select * from mart_satisfaction_drop_candidates
),

-- one warning per open case and escalation step (mart_open_cases): passing its due date is step 1,
-- each configured escalation step one more, so a case raises a new warning only when it passes a
-- step, never again while it sits there; severity grows with the step (pipeline/warnings/severity.ts)
breaches as (
    select
        'sla_breach' as kind,
        hospital,
        department,
        category,
        due_date as period_start,
        as_of as period_end,
        working_days_overdue as observed,
        0 as expected,
        'working-day SLA' as method,
        working_days_overdue::varchar as reason,
        null::varchar as severity,
        [id] as evidence_ids,
        [{'source': source, 'id': id}] as evidence,
        null as month,
        null as methods,
        null as below_limit,
        to_json([hospital, 'sla_breach', source, id, escalation_step::varchar])::varchar as warning_key,
        {
            'source': source,
            'id': id,
            'escalation_step': escalation_step,
            'owner': owner,
            'owner_role': owner_role,
            'due_date': strftime(due_date, '%Y-%m-%d'),
            'step_reached_on': strftime(step_reached_on, '%Y-%m-%d'),
            'calendar': calendar
        } as sla_case
    from mart_open_cases
    where escalation_step >= 1
),

final as (
    select
        kind,
        -- a JSON array, its hospital first: a department named 'ALL' or holding any separator stays
        -- its own warning (pipeline/warnings/warnings.ts reads the key before hospitals from it)
        coalesce(warning_key, to_json([hospital, kind, department])::varchar) as warning_key,
        hospital,
        department,
        category,
        null::varchar as location,
        []::varchar[] as keywords,
        period_start,
        period_end,
        observed::double as observed,
        expected::double as expected,
        method,
        reason,
        severity,
        evidence_ids,
        evidence,
        month,
        sla_case,
        satisfaction,
        -- what a drop's severity is decided from (pipeline/warnings/severity.ts); a breach's is its sla_case's step
        methods,
        below_limit
    from (select * from drops union all by name select * from breaches)
)

select * from final
order by kind, hospital, department nulls first;
