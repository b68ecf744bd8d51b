-- Grain: one row per hospital per division per month (of received_at for complaints, of
-- submitted_at for surveys): the roll-up of a division's departments, never across hospitals. A
-- department's division is the optional `parent` column of the department tables (内科系统, Khối
-- Nội, Medicine division; a hospital's own departments.csv, a later reference_dirs folder, before
-- the shipped one); without it there are no rows. `parent` may name a code of the department tables
-- (a division written like a department): then division_zh, division_vi and division_en are that
-- row's names, else the value as written. Departments no table knows belong to no division.
-- Complaints: the counts of mart_complaint_kpis summed over the division's departments, and the
-- rates on them as that mart defines them (responded_in_time_rate on received less referred).
-- Satisfaction: every respondent and answer of the division's departments (patient type and
-- dimension `all` of mart_satisfaction_period_counts' months): pct_satisfied = answers of 4 or 5 / all answers
-- (the Ministry of Health method), suppressed and blank below satisfaction_min_responses
-- respondents (pipeline/satisfaction/stage.ts MIN_RESPONSES).
-- Variable: satisfaction_min_responses.
create or replace table mart_division_kpis as
-- each hospital's departments (as the marts name them) with their division
with members as (
    select distinct departments.hospital, departments.department, reference.division
    from dim_department as departments
    inner join int_department_reference as reference on reference.code = departments.department_code
    where reference.division is not null
),

complaints as (
    select
        members.hospital,
        members.division,
        kpis.month,
        count(*)::integer as departments,
        sum(kpis.received)::integer as received,
        sum(kpis.referred)::integer as referred,
        sum(kpis.responded_in_time)::integer as responded_in_time,
        sum(kpis.resolved)::integer as resolved,
        sum(kpis.solved)::integer as solved,
        sum(kpis.solved_answers)::integer as solved_answers,
        sum(kpis.satisfied)::integer as satisfied,
        sum(kpis.satisfaction_answers)::integer as satisfaction_answers
    from mart_complaint_kpis as kpis
    inner join members on members.hospital = kpis.hospital and members.department = kpis.department
    group by all
),

surveys as (
    select
        members.hospital,
        members.division,
        counts.period as month,
        sum(counts.responses)::integer as responses,
        sum(counts.answers)::integer as answers,
        sum(counts.satisfied_answers)::integer as satisfied_answers,
        sum(counts.score_sum)::double as score_sum
    from mart_satisfaction_period_counts as counts
    inner join members on members.hospital = counts.hospital and members.department = counts.department
    where counts.grain = 'month' and counts.patient_type = 'all' and counts.dimension = 'all'
    group by all
),

joined as (
    select
        coalesce(complaints.hospital, surveys.hospital) as hospital,
        coalesce(complaints.division, surveys.division) as division,
        coalesce(complaints.month, surveys.month) as month,
        complaints.* exclude (hospital, division, month),
        coalesce(surveys.responses, 0) as responses,
        surveys.answers,
        surveys.satisfied_answers,
        surveys.score_sum
    from complaints
    full join surveys
        on surveys.hospital = complaints.hospital and surveys.division = complaints.division and surveys.month = complaints.month
),

final as (
    select
        joined.hospital,
        joined.division,
        coalesce(names.name_zh, joined.division) as division_zh,
        coalesce(names.name_vi, joined.division) as division_vi,
        coalesce(names.name_en, joined.division) as division_en,
        joined.month,
        coalesce(joined.received, 0) as received,
        coalesce(joined.referred, 0) as referred,
        percent_of(joined.responded_in_time, joined.received - joined.referred) as responded_in_time_rate,
        percent_of(joined.resolved, joined.received) as resolution_rate,
        percent_of(joined.solved, joined.solved_answers) as solved_rate,
        percent_of(joined.satisfied, joined.satisfaction_answers) as satisfaction_rate,
        coalesce(joined.responded_in_time, 0) as responded_in_time,
        coalesce(joined.resolved, 0) as resolved,
        coalesce(joined.solved, 0) as solved,
        coalesce(joined.solved_answers, 0) as solved_answers,
        coalesce(joined.satisfied, 0) as satisfied,
        coalesce(joined.satisfaction_answers, 0) as satisfaction_answers,
        joined.responses,
        case when joined.responses >= getvariable('satisfaction_min_responses') then 100.0 * joined.satisfied_answers / joined.answers end as pct_satisfied,
        case when joined.responses >= getvariable('satisfaction_min_responses') then joined.score_sum / joined.answers end as mean_score,
        not coalesce(joined.responses >= getvariable('satisfaction_min_responses'), false) as suppressed
    from joined
    left join int_department_reference as names on names.code = joined.division
)

select * from final
order by hospital, month, division;
