-- Grain: one row per hospital with feedback records (dim_hospital) per month that visits.csv gives
-- visits for: the complaints the hospital received in the month (its `ALL` row of
-- mart_complaint_kpis; none is 0) per 1,000 of its visits, so that hospitals of different size can
-- be compared (the group view). A row of visits.csv for a hospital with no feedback records (a
-- misspelt name, or a hospital that sends only surveys) has nothing to count and is left out. One hospital's
-- complaints over its own visits, never a sum across hospitals. The interval of a rate is
-- computed where it is shown (pipeline/statistics/poisson_rate_interval.ts), from these counts.
create or replace table mart_complaint_visit_rates as
with visits as (
    select hospital, month, visits
    from stg_visits
    where hospital in (select hospital from dim_hospital where feedback_records > 0)
),

complaints as (
    select hospital, month, received from mart_complaint_kpis where department = 'ALL'
),

final as (
    select
        visits.hospital,
        visits.month,
        coalesce(complaints.received, 0)::integer as received,
        visits.visits,
        1000.0 * coalesce(complaints.received, 0) / visits.visits as complaints_per_1000_visits
    from visits
    left join complaints using (hospital, month)
)

select * from final
order by hospital, month;
