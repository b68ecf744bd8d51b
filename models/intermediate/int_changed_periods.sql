-- Grain: one row per record type (`feedback`, `survey`) per hospital per grain (`month`, `week`)
-- per period (a month YYYY-MM, or a week's Monday YYYY-MM-DD, as the marts write them) that holds
-- a record of int_changed_records: in the period it happened in now, and in the one it happened
-- in when the marts were last built (a record moved to another day, or gone, changes both). The
-- partitions the partitioned marts (pipeline/plan.ts, PARTITIONED_MODELS) compute again; every
-- period of every record when they are built whole (int_record_versions empty).
create or replace temp table int_changed_periods as
with versions as (
    select record_type, hospital, source, id, happened_at from int_current_record_versions
    union all
    select record_type, hospital, source, id, happened_at from int_record_versions
),

changed as (
    select versions.record_type, versions.hospital, versions.happened_at
    from versions
    semi join int_changed_records as changed
        on changed.record_type = versions.record_type and changed.hospital is not distinct from versions.hospital
        and changed.source = versions.source and changed.id = versions.id
),

final as (
    select distinct record_type, hospital, 'month' as grain, strftime(happened_at, '%Y-%m') as period from changed
    union
    select distinct record_type, hospital, 'week' as grain, strftime(date_trunc('week', happened_at), '%Y-%m-%d') as period from changed
)

select * from final;
