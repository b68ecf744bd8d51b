-- Grain: one row per term of each language: the surface people see for it (the form most records
-- wrote, the alphabetically first among equals), the records holding it, and whether it names an
-- issue. A word of every category alike (October, 对此, attended) narrates; a word that
-- leans (waiting → process, 停车 → facility) names an issue: `category_lift` is the largest
-- P(category | term) / P(category) over the categories, among records with a category. A word in a
-- large share of one source's records is that source's template (12345 work orders all read
-- 来电人反映…对此不满): `max_source_share` is the largest share over sources of 100 records or more.
create or replace table dim_term as
with surfaces as (
    select lang, term, surface, count(*) as records
    from fct_record_terms
    group by all
),

language_totals as (
    select lang, count(category) as categorised
    from fct_feedback
    group by lang
),

category_totals as (
    select lang, category, count(*) as records
    from fct_feedback
    where category is not null
    group by all
),

term_categories as (
    select lang, term, category, count(*) as records, sum(count(*)) over (partition by lang, term) as term_records
    from fct_record_terms
    where category is not null
    group by lang, term, category
),

-- a source is a hospital's: two hospitals' `complaints` are two sources
source_totals as (
    select hospital, source, count(*) as issue_records
    from fct_feedback
    where kind <> 'praise'
    group by hospital, source
    having count(*) >= 100
),

source_shares as (
    select terms.lang, terms.term, max(terms.records / source_totals.issue_records) as max_source_share
    from (
        select lang, term, hospital, source, count(*) as records
        from fct_record_terms
        where kind <> 'praise'
        group by all
    ) as terms
    inner join source_totals using (hospital, source)
    group by all
),

lifts as (
    select
        term_categories.lang,
        term_categories.term,
        max((term_categories.records / term_categories.term_records) / (category_totals.records / language_totals.categorised)) as category_lift,
        -- two categories may lean alike: the first by name then, not whichever a thread saw first
        list(term_categories.category order by term_categories.records / category_totals.records desc, term_categories.category)[1] as leaning_category
    from term_categories
    inner join category_totals using (lang, category)
    inner join language_totals using (lang)
    group by term_categories.lang, term_categories.term
),

terms as (
    select
        lang,
        term,
        first(surface order by records desc, surface) as surface,
        sum(records)::integer as records
    from surfaces
    group by lang, term
),

final as (
    select
        terms.*,
        lifts.category_lift,
        lifts.leaning_category,
        coalesce(source_shares.max_source_share, 0) as max_source_share
    from terms
    left join lifts using (lang, term)
    left join source_shares using (lang, term)
)

select * from final;
