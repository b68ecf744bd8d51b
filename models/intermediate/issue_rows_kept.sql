-- Grain: one row per row of mart_high_frequency_issues (as it was stored by the last run) of a
-- published month whose inputs have not changed since (int_issue_month_inputs): kept as they are.
select issues.*
from mart_high_frequency_issues as issues
semi join int_issue_month_inputs as inputs
    on inputs.hospital = issues.hospital and inputs.lang = issues.lang and inputs.month = issues.month and inputs.published and not inputs.rebuild
