-- The fingerprints the published months of mart_high_frequency_issues now hold rows for
-- (int_issue_month_inputs): replaced whole, in the transaction that writes the mart.
delete from int_issue_month_versions;
insert into int_issue_month_versions by name
select hospital, lang, month, fingerprint
from int_issue_month_inputs
where published;
