-- Grain: one row per hospital per department (and the hospital's `ALL`) per month of received_at: complaints, and how many were
-- repeats of a grievance already raised in the 30 days before (int_complaint_grievances): a sign
-- the first answer failed. A repeat counts in its own department and month. cross_channel_repeats:
-- repeats that came by another channel than the complaint they repeat (the hospital's
-- hotline, then 12345). repeat_rate is a percentage, null (blank in the export) without complaints.
-- Only counts: no contact, hash or text leaves the warehouse through this mart.
create or replace table mart_repeat_complaints as
with grievances as (
    select hospital, department, strftime(received_at, '%Y-%m') as month, is_repeat, is_cross_channel_repeat
    from int_complaint_grievances
),

counted as (
    select
        hospital,
        case when grouping(department) = 1 then 'ALL' else department end as department,
        month,
        count(*) as complaints,
        count(*) filter (where is_repeat) as repeats,
        count(*) filter (where is_cross_channel_repeat) as cross_channel_repeats
    from grievances
    group by grouping sets ((hospital, department, month), (hospital, month))
),

final as (
    select
        hospital,
        department,
        month,
        complaints::integer as complaints,
        repeats::integer as repeats,
        percent_of(repeats, complaints) as repeat_rate,
        cross_channel_repeats::integer as cross_channel_repeats
    from counted
)

select * from final
order by hospital, month, department = 'ALL' desc, department;
