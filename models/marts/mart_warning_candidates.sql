-- Grain: one row per warning the marts support at the as-of date, before its lifecycle (new,
-- ongoing, resolved: pipeline/warnings). `warning_key` names what the warning is about and stays
-- the same while the problem lasts, so its id is stable across runs:
--   satisfaction_drop: a department (or the whole hospital) whose latest complete month falls on
--     its XmR chart or below the funnel (mart_satisfaction_drop), both methods merged into one;
--   sla_breach: a department with open complaints past their due date (mart_sla_breaches).
-- Until the warnings are kept per hospital, a warning's hospital is the one most of its evidence
-- records come from; a satisfaction drop, which has none, names the hospital only where the
-- surveys come from one.
create or replace table mart_warning_candidates as
with drops as (
    select
        'satisfaction_drop' as kind,
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
    group by department
),

survey_hospital as (
    select min(hospital) as hospital from survey_responses having count(distinct hospital) = 1
),

breach_hospitals as (
    select department, hospital
    from mart_sla_breaches
    group by department, hospital
    qualify row_number() over (partition by department order by count(*) desc, hospital) = 1
),

breaches as (
    select
        'sla_breach' as kind,
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
    group by department
),

hospitals as (
    select drops.*, (select hospital from survey_hospital) as hospital from drops
    union all by name
    select breaches.*, breach_hospitals.hospital
    from breaches
    left join breach_hospitals on breach_hospitals.department is not distinct from breaches.department
),

final as (
    select
        kind,
        -- a JSON array: a department named 'ALL' or holding any separator stays its own warning
        to_json([kind, department])::varchar as warning_key,
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
    from (select * exclude (methods) from hospitals)
)

select * from final
order by kind, department nulls first;
