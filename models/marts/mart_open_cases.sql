-- Grain: one row per complaint open at the end of the as-of date (int_open_complaints), per
-- hospital: the open-case list (接诉即办 清单) for the morning meeting, the department's cases first, ordered by
-- due date, then those `referred` to an outside authority (clock `reported_upward`: off the
-- department's clock, no due date held against it), oldest first.
-- owner: who answers for the case (首问负责 / 科室主任负责制 / 主管领导负责制): the department's head
-- (owner_role `head`) until the case reaches escalation step 2 (the first of the configured
-- escalation_steps, working days overdue), then its supervising leader (`supervising_leader`).
-- owner is whom department_owners.csv names for that role, from the most specific row that names
-- someone for it: a row of the case's department (its name, then its code) before a `*` row, and
-- at each a row whose `hospital` is the case's before one with none (blank = every hospital), as
-- two hospitals' departments of one name have their own heads; a hospital's folder replaces a
-- shipped row of the same department and hospital. No row or no one named: owner null, owner_role still says whose the case
-- is. Published, so redacted like any text (write roles such as 科主任, not names and numbers).
-- step_reached_on: the day the case reached its current escalation step (the day after its due
-- date for step 1; the working day that made it overdue by a step's working days for the others),
-- which the warning stage reads to raise a breach once, when it is passed.
create or replace table mart_open_cases as
-- The personal-data macros cost 0.04 CPU-s a call to set up, whatever the rows, and again for each
-- join above the call (README, "Where that fixed cost goes"): the cases' sources and the owners'
-- hospitals and names are redacted by one call over their distinct values, and joined back.
with redacted as materialized (
    select value, redact_pii(value) as value_redacted
    from (
        select source as value from int_open_complaints
        union
        select unnest([folded_name(hospital), nullif(trim(head), ''), nullif(trim(supervising_leader), '')])
        from stg_department_owners
    )
    where value is not null
),

open_complaints as (
    select int_open_complaints.*, redacted.value_redacted as source_redacted
    from int_open_complaints
    left join redacted on redacted.value = int_open_complaints.source
),

feedback as (
    select hospital, source, id, department, department_code, category, status, text_redacted from fct_feedback
),

deadlines as (
    select hospital, source, id, due_working_day_index from int_complaint_deadlines
),

-- the hospital cleaned (clean_hospital) once, for the row and its partition
owner_rows as (
    select
        redacted_hospital.value_redacted as hospital,
        normalize_key(department) as department_key,
        nullif(trim(head), '') as head,
        nullif(trim(supervising_leader), '') as supervising_leader,
        file_rank,
        -- the tie-break reads the values as written
        head as head_written,
        supervising_leader as supervising_leader_written
    from stg_department_owners
    left join redacted as redacted_hospital on redacted_hospital.value = folded_name(stg_department_owners.hospital)
),

owners as (
    select
        owner_rows.hospital,
        owner_rows.department_key,
        owner_rows.head,
        owner_rows.supervising_leader,
        redacted_head.value_redacted as head_redacted,
        redacted_leader.value_redacted as supervising_leader_redacted
    from owner_rows
    left join redacted as redacted_head on redacted_head.value = owner_rows.head
    left join redacted as redacted_leader on redacted_leader.value = owner_rows.supervising_leader
    where owner_rows.department_key is not null
    qualify row_number() over (partition by owner_rows.hospital, owner_rows.department_key order by owner_rows.file_rank desc, owner_rows.head_written, owner_rows.supervising_leader_written) = 1
),

cases as (
    select
        open_complaints.*,
        feedback.department,
        feedback.department_code,
        feedback.category,
        feedback.status,
        feedback.text_redacted,
        deadlines.due_working_day_index
    from open_complaints
    inner join feedback
        on feedback.hospital = open_complaints.hospital and feedback.source = open_complaints.source and feedback.id = open_complaints.id
    inner join deadlines
        on deadlines.hospital = open_complaints.hospital and deadlines.source = open_complaints.source and deadlines.id = open_complaints.id
),

owner_matches as (
    select
        cases.hospital,
        cases.source,
        cases.id,
        owners.head,
        owners.supervising_leader,
        owners.head_redacted,
        owners.supervising_leader_redacted,
        (case when owners.department_key = '*' then 4 else 0 end)
            + (case when owners.hospital is null then 2 else 0 end)
            + (case when owners.department_key = normalize_key(cases.department) then 0 else 1 end) as specificity
    from cases
    inner join owners
        on owners.department_key in (normalize_key(cases.department), normalize_key(cases.department_code), '*')
        and (owners.hospital is null or owners.hospital = cases.hospital)
),

case_owners as (
    select
        hospital,
        source,
        id,
        arg_min(head_redacted, specificity) filter (where head is not null) as head_redacted,
        arg_min(supervising_leader_redacted, specificity) filter (where supervising_leader is not null) as supervising_leader_redacted
    from owner_matches
    group by all
),

owned as (
    select
        cases.*,
        case_owners.head_redacted,
        case_owners.supervising_leader_redacted
    from cases
    left join case_owners
        on case_owners.hospital = cases.hospital and case_owners.source = cases.source and case_owners.id = cases.id
),

-- the working day on which each escalation step beyond the first is reached
step_days as (
    select
        owned.hospital,
        owned.source,
        owned.id,
        min(step_day.day) as step_reached_on
    from owned
    inner join int_working_days as step_day
        on step_day.calendar = owned.calendar
        and step_day.is_working_day
        and step_day.working_day_index = owned.due_working_day_index
            + getvariable('escalation_steps')[owned.escalation_step - 1]::integer
    where owned.escalation_step >= 2
    group by all
),

final as (
    select
        owned.hospital,
        case when owned.on_department_clock then 'department' else 'reported_upward' end as clock,
        owned.department,
        case when owned.escalation_step >= 2 then owned.supervising_leader_redacted else owned.head_redacted end as owner,
        case when owned.escalation_step >= 2 then 'supervising_leader' else 'head' end as owner_role,
        owned.category,
        owned.received_at::date as received_date,
        owned.age_working_days::integer as age_working_days,
        owned.status,
        case when owned.on_department_clock then owned.due_date end as due_date,
        owned.working_days_overdue::integer as working_days_overdue,
        owned.escalation_step,
        case
            when owned.escalation_step = 1 then owned.due_date + 1
            when owned.escalation_step >= 2 then step_days.step_reached_on
        end as step_reached_on,
        owned.text_redacted,
        owned.source_redacted as source,
        owned.id,
        owned.department_code,
        owned.as_of,
        owned.calendar
    from owned
    left join step_days
        on step_days.hospital = owned.hospital and step_days.source = owned.source and step_days.id = owned.id
)

select * from final
order by hospital, clock, due_date, received_date, source, id;
