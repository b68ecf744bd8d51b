-- Grain: one row per day of the daily bulletins per department with complaints overdue at the end
-- of that day (report_day_overdue): how many, and the most working days one of them is overdue.
create or replace temp table report_day_overdue_departments as
with overdue as (
    select * from report_day_overdue
),

final as (
    select day, department, count(*)::integer as overdue, max(working_days_overdue)::integer as most_working_days_overdue
    from overdue
    group by day, department
)

select * from final;
