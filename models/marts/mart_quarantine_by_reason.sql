-- Grain: one row per hospital per quarantine reason of mart_quarantine, with its rows and up to
-- five places (file path, row or line) that show it: what the run summary and the site report.
create or replace table mart_quarantine_by_reason as
select
    hospital,
    reason_code,
    reason,
    count(*)::integer as rows,
    list({'path': path, 'row': file_row, 'line': file_line} order by path, file_row, file_line)[1:5] as examples
from mart_quarantine
group by hospital, reason_code, reason;
