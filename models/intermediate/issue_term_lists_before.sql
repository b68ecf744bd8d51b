-- Grain: one row per record of mart_issue_records of hospital $hospital in language $lang in a
-- month not computed again but counted by one that is (int_issue_month_inputs.counted: one of
-- the three months before it): its month and terms, all the trend reads of it.
select records.month, records.terms
from mart_issue_records as records
semi join int_issue_month_inputs as inputs
    on inputs.hospital = records.hospital and inputs.lang = records.lang and inputs.month = records.month and inputs.counted
where records.hospital = $hospital and records.lang = $lang
