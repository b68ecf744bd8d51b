-- Grain: one row per issue theme per month per language per hospital: the ranked high-frequency issues
-- (高频事项) a quality office picks its topic of the month from. Filled by
-- pipeline/frequency/high-frequency-issues.ts; quotes are redacted text. Months are compared per
-- day (int_issue_months): a half month against whole months by raw counts would read as a fall.
create or replace table mart_high_frequency_issues (
    hospital varchar not null,
    month varchar not null,                 -- YYYY-MM of received_at
    lang varchar not null,
    rank integer not null,                  -- 1 = most records that month, within the hospital and language
    theme varchar not null,                 -- the theme's terms as people write them, anchor first
    anchor_term varchar not null,
    records integer not null,               -- records of the month holding the anchor or a merged anchor
    previous_month_records integer not null,
    mean_previous_3_months double not null,
    days integer not null,                  -- days of the month covered (the as-of month: to as_of)
    records_per_day double not null,
    previous_month_per_day double,          -- null when the data do not reach back so far
    previous_3_months_per_day double,       -- the 3 months pooled: their records / their days
    departments varchar[] not null,         -- the most affected, "name (records)"
    locations varchar[] not null,
    quotes varchar[] not null               -- 3 to 5 redacted texts, different departments first
);
