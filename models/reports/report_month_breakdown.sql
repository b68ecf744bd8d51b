-- Grain: one row per month of received_at per breakdown (`category`, `department`, `channel`) per
-- value: the complaints received, which the monthly analysis compares with the month before and
-- the same month a year before (a value missing in a month had none).
create or replace temp table report_month_breakdown as
with complaints as (
    select strftime(received_at, '%Y-%m') as month, coalesce(category, 'other') as category, department, channel
    from report_feedback
    where kind = 'complaint'
),

unpivoted as (
    select month, 'category' as breakdown, category as value from complaints
    union all
    select month, 'department', department from complaints
    union all
    select month, 'channel', channel from complaints
),

final as (
    select month, breakdown, value, count(*)::integer as complaints
    from unpivoted
    group by all
)

select * from final;
