-- Grain: one row per hospital per department (and the hospital's `ALL`: never across hospitals)
-- per month of received_at per channel per social platform: the complaints received, the channel
-- mix the pages chart. channel is the contract's group (a social platform counts under `social`);
-- platform keeps which one (wechat, facebook, zalo, tiktok, ...) and is null for every other
-- channel and for records that said only `social`. Counts records of kind `complaint`, as
-- mart_complaint_monthly; a complaint without a channel counts under `other`.
create or replace table mart_complaint_channels as
with complaints as (
    select hospital, department, month, channel, platform
    from int_feedback_months
    where kind = 'complaint'
),

counted as (
    select
        hospital,
        case when grouping(department) = 1 then 'ALL' else department end as department,
        month,
        channel,
        platform,
        count(*)::integer as complaints
    from complaints
    group by grouping sets ((hospital, department, month, channel, platform), (hospital, month, channel, platform))
),

final as (
    select * from counted
)

select * from final
order by hospital, month, department = 'ALL' desc, department, channel, platform nulls first;
