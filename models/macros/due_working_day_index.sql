-- due_working_day_index(received_index, received_on_working_day, working_days) -> the working-day
-- index (int_working_days) of the day a period of working_days is due: the day of receipt is not
-- counted (PRC Civil Code art. 201, Vietnamese Civil Code art. 147), so the count starts on the next
-- working day; a period of 0 is due on the day of receipt, or the next working day after a day off.
create or replace macro due_working_day_index(received_index, received_on_working_day, working_days) as (
    received_index + greatest(working_days, case when received_on_working_day then 0 else 1 end)
);
