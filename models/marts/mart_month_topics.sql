-- Grain: one row per hospital per month of the high-frequency issues per proposed topic (rank 1
-- to 3): the month's topic (每月一题), the recurring issue most worth a focused fix, proposed to
-- the monthly meeting with its trend, departments, places and redacted quotes. Candidates are the
-- month's high-frequency themes (mart_high_frequency_issues, every language of the hospital), each
-- scored as
--     score = months_recurring × records × sqrt(departments_touched) × (1 + quality_share)
--   months_recurring: of the 6 months to this one, those the theme's anchor was a theme in (1..6);
--   records: the theme's records this month;
--   departments_touched: departments of this month's records holding its anchor;
--   quality_share: the share of them in the medical quality and safety category (0..1).
-- A theme already being fixed is left out: a fix recorded in the 6 months to the month's end
-- (mart_fix_reviews) whose keywords name one of its words, unless the review found that the
-- complaints did not fall (then it stays, flagged earlier_fix_failed). Variable: as_of.
create or replace table mart_month_topics as
with themes as (
    select *, strptime(month || '-01', '%Y-%m-%d')::date as month_start
    from mart_high_frequency_issues
),

recurrence as (
    select themes.hospital, themes.lang, themes.anchor_term, themes.month, count(distinct earlier.month)::integer as months_recurring
    from themes
    inner join themes as earlier
        on earlier.hospital = themes.hospital
        and earlier.lang = themes.lang
        and earlier.anchor_term = themes.anchor_term
        and earlier.month_start between themes.month_start - interval 5 months and themes.month_start
    group by all
),

-- the anchor's records (every kind but praise, as the themes count) of the 6 months to each month
anchor_records as (
    select themes.hospital, themes.lang, themes.anchor_term, themes.month, strftime(terms.received_at, '%Y-%m') as record_month, terms.department, terms.category
    from themes
    inner join fct_record_terms as terms
        on terms.hospital = themes.hospital
        and terms.lang = themes.lang
        and terms.term = themes.anchor_term
        and terms.kind <> 'praise'
        and terms.received_at::date >= themes.month_start - interval 5 months
        and terms.received_at::date < themes.month_start + interval 1 month
),

this_month as (
    select
        hospital, lang, anchor_term, month,
        count(distinct department)::integer as departments_touched,
        avg(case when category = 'quality' then 1 else 0 end) as quality_share
    from anchor_records
    where record_month = month
    group by all
),

trend as (
    select hospital, lang, anchor_term, month, list({ 'month': record_month, 'records': records } order by record_month) as trend
    from (
        select hospital, lang, anchor_term, month, record_month, count(*)::integer as records
        from anchor_records
        group by all
    )
    group by all
),

-- each fix as reviewed at the month's end (the as-of date for the month under way)
fixes as (
    select hospital, fixed_on, reviewed_on, keywords, verdict in ('not_fallen', 'rose') as failed
    from mart_fix_reviews
    where len(keywords) > 0
),

fixed as (
    select themes.hospital, themes.lang, themes.anchor_term, themes.month, bool_and(fixes.failed) as all_failed
    from themes
    inner join fixes
        on fixes.hospital = themes.hospital
        and fixes.fixed_on between themes.month_start - interval 5 months and last_day(themes.month_start)
        and fixes.reviewed_on = least(last_day(themes.month_start), getvariable('as_of')::date)
        and list_bool_or(list_transform(fixes.keywords, keyword -> contains(lower(themes.theme), lower(keyword))))
    group by all
),

scored as (
    select
        themes.hospital,
        themes.month,
        themes.lang,
        themes.theme,
        themes.anchor_term,
        recurrence.months_recurring,
        themes.records,
        coalesce(this_month.departments_touched, 0) as departments_touched,
        coalesce(this_month.quality_share, 0) as quality_share,
        recurrence.months_recurring * themes.records * sqrt(coalesce(this_month.departments_touched, 1)) * (1 + coalesce(this_month.quality_share, 0)) as score,
        coalesce(trend.trend, []) as trend,
        themes.departments,
        themes.locations,
        themes.quotes,
        coalesce(fixed.all_failed, false) as earlier_fix_failed
    from themes
    inner join recurrence using (hospital, lang, anchor_term, month)
    left join this_month using (hospital, lang, anchor_term, month)
    left join trend using (hospital, lang, anchor_term, month)
    left join fixed using (hospital, lang, anchor_term, month)
    where fixed.all_failed is null or fixed.all_failed
),

final as (
    select
        *,
        row_number() over (partition by hospital, month order by score desc, records desc, lang, anchor_term)::integer as rank
    from scored
)

select * from final
where rank <= 3
order by hospital, month, rank;
