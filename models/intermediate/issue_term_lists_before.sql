-- Grain: one row per record of mart_issue_records of hospital $hospital in language $lang in the
-- months $first_month to $last_month (months not computed again but counted by one that is:
-- int_issue_month_inputs.counted, one of the three months before it): its month and terms, all
-- the trend reads of it.
select records.month, records.terms
from mart_issue_records as records
where records.hospital = $hospital and records.lang = $lang and records.month between $first_month and $last_month
