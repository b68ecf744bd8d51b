-- Grain: one row per fix per review date of int_fix_counts: the statistics of its review, computed by
-- pipeline/fixes/fix-verdict.ts (rate ratio, exact interval, season adjustment, verdict).
create or replace temp table fix_verdicts (
    path varchar not null,
    file_row integer,
    reviewed_on date not null,
    season_adjusted boolean not null,
    expected_ratio double,
    rate_ratio double,
    ci_low double,
    ci_high double,
    verdict varchar not null,
    reopens boolean not null
);
