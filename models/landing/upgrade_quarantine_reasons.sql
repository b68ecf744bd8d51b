-- A warehouse written before quarantine reasons were codes holds their English wording in
-- quarantine.reason. Run once for such a warehouse (the warehouse stage checks, pipeline/run.ts):
-- each wording becomes its code, matched exactly through stg_quarantine_reasons.
update quarantine
set reason = wording.code
from stg_quarantine_reasons as wording
where quarantine.reason = wording.en;
