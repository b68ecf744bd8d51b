-- Grain: one row per hospital per term per language per scope (the hospital's `ALL` or one of its
-- departments) that rose in the recent window against its baseline: in at least 3 recent records,
-- G² >= 10.83 (p < 0.001) and Log Ratio >= 1 (twice the share), every row; `emergence` marks those
-- new or bursting besides. Filled by pipeline/frequency/stage.ts.
create or replace table mart_term_keyness (
    hospital varchar not null,
    lang varchar not null,
    scope varchar not null,
    term varchar not null,
    surface varchar not null,               -- the term as people write it (dim_term)
    recent_with_term integer not null,      -- records in the 28 days to as_of holding the term
    baseline_with_term integer not null,    -- records in the 364 days before holding it
    recent_records integer not null,
    baseline_records integer not null,
    g2 double not null,                     -- Dunning's log-likelihood, 1 df
    log_ratio double not null,              -- Hardie's Log Ratio, log2 of the share ratio
    emergence varchar                       -- new | bursting | null
);
