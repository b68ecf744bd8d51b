-- Grain: one row per warning ever raised: its lifecycle across runs (pipeline/warnings) and the
-- warning as last published, so that a resolved warning can be announced with its content.
create table if not exists warning_log (
    id varchar primary key,
    first_as_of date not null,          -- raised first (again, after a resolution) on this as-of date
    last_as_of date not null,
    resolved_as_of date,                -- found gone on this as-of date; null while open
    warning json not null
);
