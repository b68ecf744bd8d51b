-- Grain: one row per quarantine reason code (quarantine.reason), with its wording in en, zh and vi
-- and whether a row held back for it may pass on a later run. Read from
-- data/reference/quarantine_reasons.json (variable quarantine_reasons_file), the one home of the
-- wording, which the CLI and the site read too (pipeline/quarantine-reasons.ts).
create or replace table stg_quarantine_reasons as
select code, may_pass_later, en, zh, vi
from read_json(
    getvariable('quarantine_reasons_file'),
    format = 'array',
    columns = {code: 'varchar', may_pass_later: 'boolean', en: 'varchar', zh: 'varchar', vi: 'varchar'}
);
