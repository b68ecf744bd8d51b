-- Grain: one row per chart figure of the site the last publish built: the page file that shows it
-- (its path, the same in every language), the digest of what drew it (the drawing code, the chart,
-- its rows and options: dashboards/charts/remembered-chart.ts) and the figure's HTML. The next
-- publish reuses a figure whose digest its page's chart gives again instead of drawing it again
-- (pipeline/publish/pages/published-charts.ts): a day's records fall in the current month, which no
-- chart shows, so a daily run finds most of them. A figure is a pure function of its digest's
-- inputs, so a row of a build that failed is as true as any.
create table if not exists published_charts (
    page varchar not null,              -- the page file's path, e.g. departments/emergency-zh.html
    digest varchar not null,            -- sha-256 (base64url) of the drawing code, the chart, its rows and options
    figure varchar not null,            -- the <figure> element as the page holds it
    primary key (page, digest)
);
