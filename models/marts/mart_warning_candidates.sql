-- Grain: one row per warning the marts support at the as-of date, before its lifecycle (new,
-- ongoing, resolved: pipeline/warnings). `warning_key` names what the warning is about and stays
-- the same while the problem lasts, so its id is stable across runs:
--   satisfaction_drop: a hospital's department (or the whole hospital) whose latest complete month
--     falls on its XmR chart or below the funnel of its hospital's departments
--     (mart_satisfaction_drop), both methods merged into one;
--   sla_breach: an open case that passed its due date or an escalation step (mart_open_cases).
-- Every warning is one hospital's: the same department name in two hospitals is two warnings.
create or replace table mart_warning_candidates as
with drops as (
    select
        'satisfaction_drop' as kind,
        hospital,
        nullif(department, 'ALL') as department,
        min(period_start) as period_start,
        max(period_end) as period_end,
        -- the XmR chart's own expectation (the department's mean) where it signalled, else the funnel's target
        arg_min(observed_pct, method) as observed,
        coalesce(max(expected_pct) filter (where method = 'xmr'), max(expected_pct)) as expected,
        string_agg(method, '+' order by method) as method,
        string_agg(reason, '; ' order by method) as reason,
        case when count(*) > 1 or min(observed_pct - limit_pct) < 0 then 'high' else 'medium' end as severity,
        []::varchar[] as evidence_ids,
        []::struct(source varchar, id varchar)[] as evidence,
        min(month) as month,
        count(*) as methods
    from mart_satisfaction_drop
    group by hospital, department
),

-- one warning per open case and escalation step (mart_open_cases): passing its due date is step 1,
-- each configured escalation step one more, so a case raises a new warning only when it passes a
-- step, never again while it sits there; severity grows with the step
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
        case when escalation_step >= 3 then 'high' when escalation_step = 2 then 'medium' else 'low' end as severity,
        [id] as evidence_ids,
        [{'source': source, 'id': id}] as evidence,
        null as month,
        null as methods,
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
        sla_case
    from (select * exclude (methods) from drops union all by name select * exclude (methods) from breaches)
)

select * from final
order by kind, hospital, department nulls first;
