-- Grain: one row per hospital per language per published month of the high-frequency issues: the
-- fingerprint of the inputs its rows in mart_high_frequency_issues were computed from
-- (int_issue_month_inputs). Replaced whole in the transaction that writes the mart
-- (store_issue_month_versions), so the two never disagree; a month whose fingerprint is unchanged
-- keeps its rows.
create table if not exists int_issue_month_versions (
    hospital varchar not null,
    lang varchar not null,
    month varchar not null,
    fingerprint varchar not null
);
