-- Grain: one row per record of mart_issue_records of hospital $hospital in language $lang in the
-- months $first_month to $last_month (months whose themes are computed again:
-- int_issue_month_inputs.rebuild), with its redacted text (fct_feedback) for the quotes, in the
-- order the themes number them (month, source, id). A slice of months at a time, so that a whole
-- build never holds a hospital's history of texts at once. fct_feedback is filtered to the
-- hospital and months at its scan, so that each slice does not read every record's text.
select records.hospital, records.source, records.id, records.lang, records.month, records.department, records.location, feedback.text_redacted, records.terms
from mart_issue_records as records
inner join fct_feedback as feedback
    on feedback.hospital = records.hospital and feedback.source = records.source and feedback.id = records.id
where records.hospital = $hospital and records.lang = $lang and records.month between $first_month and $last_month
  and feedback.hospital = $hospital
  and feedback.received_at >= strptime($first_month, '%Y-%m')
  and feedback.received_at < strptime($last_month, '%Y-%m') + interval 1 month
order by records.month, records.source, records.id
