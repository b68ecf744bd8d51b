-- Grain: one row per hospital per department (or the hospital's `ALL`) per patient type
-- (`inpatient`, `outpatient`, `all`) per dimension (section `A`..`E`, or `all`) per method whose
-- judged period signals a fall in the share of satisfied answers: the signals behind
-- satisfaction_drop warnings (mart_satisfaction_drop_candidates makes one warning per department).
--   xmr: the latest complete month (the DuckDB variable satisfaction_month) is a special cause of
--        concern on the cell's monthly XmR chart (mart_satisfaction_cell_spc): below the lower
--        process limit, a run of 7 below the mean, a falling trend of 7, or 2 of 3 beyond the
--        lower 2-sigma limit;
--   funnel: in that month the department lies below the lower 99.8% limit of the funnel comparing
--        its hospital's departments for the same patient type and dimension
--        (mart_satisfaction_cell_funnel). It only corroborates a fall on the cell's own chart: a
--        department below its peers is a position, not a fall (one section month after month is a
--        standing gap; the outpatient clinic's whole form, its access section always lower, sits
--        low among the inpatient wards);
--   xmr_weekly: in a series watched weekly (its usual week's interval narrow enough:
--        pipeline/satisfaction/weekly.ts), the latest complete week (satisfaction_week) and the
--        week before are both below the lower process limit (mart_satisfaction_weekly_spc). A
--        week alone is not enough: with a hundred series watched, one of them has a 3-sigma week
--        every few weeks by chance.
-- A fall on a chart (xmr, xmr_weekly) must also be one its own period's answers can tell: the
-- period's 99.8% interval (upper_998_pct, respondents as clusters) lies wholly below the centre
-- line. A chart's limits come from the spread of earlier periods, and quiet months make them
-- tighter than a month of 50 respondents can be read to.
-- Every signal must also fall far enough below what was expected to be worth a department's week:
-- satisfaction_min_drop_pct points for the whole questionnaire of every patient (a large
-- department's chart is so tight that a 2-point dip is a special cause), and
-- satisfaction_min_cell_drop_pct for a section or one patient type, which are fifteen times as many
-- cells, each noisier.
-- A hospital that ranks low in the group's funnel (mart_satisfaction_hospital_funnel) is a
-- comparison for the group's leadership, not a fall: it raises no warning.
create or replace table mart_satisfaction_drop as
with monthly as (
    select * from mart_satisfaction_cell_spc
    where month = getvariable('satisfaction_month') and point_type = 'special_cause_concern'
        and upper_998_pct < mean_pct
),

funnel as (
    select * from mart_satisfaction_cell_funnel
    where month = getvariable('satisfaction_month') and below_lower_998
),

weekly as (
    select this_week.*
    from mart_satisfaction_weekly_spc as this_week
    inner join mart_satisfaction_weekly_spc as week_before
        on week_before.hospital = this_week.hospital
        and week_before.department = this_week.department
        and week_before.patient_type = this_week.patient_type
        and week_before.dimension = this_week.dimension
        and week_before.week::date = this_week.week::date - 7
    where this_week.week = getvariable('satisfaction_week') and this_week.watched
        and this_week.below_lower_limit and week_before.below_lower_limit
        and this_week.upper_998_pct < this_week.mean_pct
),

candidates as (
    select
        hospital, department, patient_type, dimension, 'month' as grain, month as period, 'xmr' as method,
        special_cause_type as reason, responses, pct_satisfied as observed_pct, mean_pct as expected_pct,
        lower_limit_pct as limit_pct
    from monthly
    union all
    select
        hospital, department, patient_type, dimension, 'month' as grain, month as period, 'funnel' as method,
        'below the lower 99.8% limit' as reason, responses, pct_satisfied as observed_pct,
        target_pct as expected_pct, lower_998_pct as limit_pct
    from funnel
    union all
    select
        hospital, department, patient_type, dimension, 'week' as grain, week as period, 'xmr_weekly' as method,
        'Below LCL' as reason, responses, pct_satisfied as observed_pct, mean_pct as expected_pct,
        lower_limit_pct as limit_pct
    from weekly
),

material as (
    select *
    from candidates
    where expected_pct - observed_pct >= case
        when patient_type = 'all' and dimension = 'all' then getvariable('satisfaction_min_drop_pct')
        else getvariable('satisfaction_min_cell_drop_pct')
    end
),

-- a funnel signal stands only beside a fall on the cell's own chart
corroborated as (
    select *
    from material
    qualify method <> 'funnel'
        or count(*) filter (where method <> 'funnel') over (partition by hospital, department, patient_type, dimension) > 0
),

final as (
    select
        hospital,
        department,
        patient_type,
        dimension,
        grain,
        period,
        -- kept for readers of the month: the month a weekly signal's week starts in
        left(period, 7) as month,
        case when grain = 'month' then strptime(period || '-01', '%Y-%m-%d')::date else period::date end as period_start,
        case when grain = 'month' then last_day(strptime(period || '-01', '%Y-%m-%d')::date) else period::date + 6 end as period_end,
        method,
        reason,
        responses,
        observed_pct,
        expected_pct,
        limit_pct
    from corroborated
)

select * from final
order by hospital, department = 'ALL' desc, department, patient_type, dimension, method;
