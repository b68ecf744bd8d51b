-- Grain: one row per issue theme per month per language per hospital: the ranked high-frequency issues
-- (高频事项) a quality office picks its topic of the month from. Filled by
-- pipeline/frequency/high-frequency-issues.ts; quotes are redacted text.
create or replace table mart_high_frequency_issues (
    hospital varchar not null,
    month varchar not null,                 -- YYYY-MM of received_at
    lang varchar not null,
    rank integer not null,                  -- 1 = most records that month, within the hospital and language
    theme varchar not null,                 -- the theme's terms as people write them, anchor first
    anchor_term varchar not null,
    records integer not null,               -- records of the month holding the anchor term
    previous_month_records integer not null,
    mean_previous_3_months double not null,
    departments varchar[] not null,         -- the most affected, "name (records)"
    locations varchar[] not null,
    quotes varchar[] not null               -- 3 to 5 redacted texts, different departments first
);
