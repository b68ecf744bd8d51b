-- Grain: one row per hospital per department (or the hospital's `ALL`) per method whose latest complete month (the DuckDB
-- variable satisfaction_month) signals a fall in the share of satisfied answers (dimension `all`):
--   xmr: the month is a special cause of concern on the XmR chart (mart_satisfaction_spc): below the
--        lower process limit, a run of 7 below the mean, a falling trend of 7, or 2 of 3 beyond the
--        lower 2-sigma limit;
--   funnel: the department lies below the lower 99.8% limit of the funnel comparing its hospital's
--        departments in that month (mart_satisfaction_funnel).
-- A hospital that ranks low in the group's funnel (mart_satisfaction_hospital_funnel) is a
-- comparison for the group's leadership, not a fall: it raises no warning.
-- The candidates of satisfaction_drop warnings; the warning stage decides what to raise.
create or replace table mart_satisfaction_drop as
with spc as (
    select * from mart_satisfaction_spc
    where month = getvariable('satisfaction_month') and point_type = 'special_cause_concern'
),

funnel as (
    select * from mart_satisfaction_funnel
    where month = getvariable('satisfaction_month') and below_lower_998
),

candidates as (
    select
        hospital, department, month, 'xmr' as method, special_cause_type as reason, responses,
        pct_satisfied as observed_pct, mean_pct as expected_pct, lower_limit_pct as limit_pct
    from spc
    union all
    select
        hospital, department, month, 'funnel' as method, 'below the lower 99.8% limit' as reason, responses,
        pct_satisfied as observed_pct, target_pct as expected_pct, lower_998_pct as limit_pct
    from funnel
),

final as (
    select
        hospital,
        department,
        month,
        strptime(month || '-01', '%Y-%m-%d')::date as period_start,
        last_day(strptime(month || '-01', '%Y-%m-%d')::date) as period_end,
        method,
        reason,
        responses,
        observed_pct,
        expected_pct,
        limit_pct
    from candidates
)

select * from final
order by hospital, department = 'ALL' desc, department, method;
