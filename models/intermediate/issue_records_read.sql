-- Grain: one row per record of mart_issue_records of hospital $hospital in language $lang that the
-- months computed again read (int_issue_month_inputs.read_records): their own records and those
-- of the three months before, in the order the themes number them (month, source, id).
select records.*
from mart_issue_records as records
semi join int_issue_month_inputs as inputs
    on inputs.hospital = records.hospital and inputs.lang = records.lang and inputs.month = records.month and inputs.read_records
where records.hospital = $hospital and records.lang = $lang
order by records.month, records.source, records.id
