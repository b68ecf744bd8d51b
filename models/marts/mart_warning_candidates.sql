-- Grain: one row per warning the marts support at the as-of date, before its lifecycle (new,
-- ongoing, resolved: pipeline/warnings). `warning_key` names what the warning is about and stays
-- the same while the problem lasts, so its id is stable across runs:
--   satisfaction_drop: a hospital's department (or the whole hospital) whose latest complete month
--     falls on its XmR chart or below the funnel of its hospital's departments
--     (mart_satisfaction_drop), both methods merged into one;
--   sla_breach: a hospital's department with open complaints past their due date (mart_sla_breaches).
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
        min(month) as month,
        count(*) as methods
    from mart_satisfaction_drop
    group by hospital, department
),

breaches as (
    select
        'sla_breach' as kind,
        hospital,
        department,
        min(due_date) as period_start,
        getvariable('as_of')::date as period_end,
        count(*) as observed,
        0 as expected,
        'working-day SLA' as method,
        max(working_days_overdue)::varchar as reason,
        case
            when count(*) >= 10 or max(working_days_overdue) > 10 then 'high'
            when count(*) >= 3 then 'medium'
            else 'low'
        end as severity,
        list(id order by working_days_overdue desc, id)[1:100] as evidence_ids,
        null as month,
        null as methods
    from mart_sla_breaches
    group by hospital, department
),

final as (
    select
        kind,
        -- a JSON array, its hospital first: a department named 'ALL' or holding any separator stays
        -- its own warning (pipeline/warnings/warnings.ts reads the key before hospitals from it)
        to_json([hospital, kind, department])::varchar as warning_key,
        hospital,
        department,
        null::varchar as category,
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
        month
    from (select * exclude (methods) from drops union all by name select * exclude (methods) from breaches)
)

select * from final
order by kind, hospital, department nulls first;
