-- Grain: one row per record of mart_issue_records of hospital $hospital in language $lang in a
-- month whose themes are computed again (int_issue_month_inputs.rebuild), with its redacted text
-- (fct_feedback) for the quotes, in the order the themes number them (month, source, id).
select records.hospital, records.source, records.id, records.lang, records.month, records.department, records.location, feedback.text_redacted, records.terms
from mart_issue_records as records
semi join int_issue_month_inputs as inputs
    on inputs.hospital = records.hospital and inputs.lang = records.lang and inputs.month = records.month and inputs.rebuild
inner join fct_feedback as feedback
    on feedback.hospital = records.hospital and feedback.source = records.source and feedback.id = records.id
where records.hospital = $hospital and records.lang = $lang
order by records.month, records.source, records.id
