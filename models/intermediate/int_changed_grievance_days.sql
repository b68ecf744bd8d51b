-- Grain: one row per hospital per day whose complaints int_complaint_grievances reads this run:
-- the 30 days either side of each day that holds a feedback record new, changed or gone since the
-- grievances were last built (int_changed_records; the day it was received now, and the day it was
-- received when they were last built, as int_changed_periods does). `rebuilt`: the day's complaints'
-- rows are computed again, as it is such a day or one of the 30 after it. A complaint's links
-- reach back 30 days only, so no complaint received later can gain, lose or change a link or
-- parent through that record; the 30 days before are read as the earlier complaints a rebuilt one
-- may link to, and kept as they are. Every day of every record when the grievances are built whole
-- (int_record_versions empty).
create or replace temp table int_changed_grievance_days as
with versions as (
    select hospital, source, id, happened_at from int_current_record_versions where record_type = 'feedback'
    union all
    select hospital, source, id, happened_at from int_record_versions where record_type = 'feedback'
),

changed_days as (
    select distinct versions.hospital, versions.happened_at::date as day
    from versions
    semi join int_changed_records as changed
        on changed.record_type = 'feedback' and changed.hospital is not distinct from versions.hospital
        and changed.source = versions.source and changed.id = versions.id
),

offsets as (
    select unnest(range(-30, 31))::integer as days
),

final as (
    select changed_days.hospital, changed_days.day + offsets.days as day, bool_or(offsets.days >= 0) as rebuilt
    from changed_days
    cross join offsets
    group by changed_days.hospital, changed_days.day + offsets.days
)

select * from final;
