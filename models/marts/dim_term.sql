-- Grain: one row per term of each language: the surface people see for it (the form most records
-- wrote, the alphabetically first among equals), the records holding it, and whether it names an
-- issue. A word of every category alike (October, 对此, attended) narrates; a word that
-- leans (waiting → process, 停车 → facility) names an issue: `category_lift` is the largest
-- P(category | term) / P(category) over the categories, among records with a category. A word in a
-- large share of one source's records and next to absent from the language's other sources is that
-- source's template (12345 work orders read 来电人反映…对此不满…已转医院答复), learned here, never
-- listed: `template_source` is the source (of 100 issue-raising records or more, beside 100 or more
-- in other sources) where the term is in at least 5% of the records and in at most a tenth of that
-- share elsewhere. `names_issue`: the term leans (lift 1.5 or more) and is no template; themes,
-- emerging-term cells and their keywords use only such terms. A language with one source learns no
-- template: nothing tells its template from its commonest complaint.
-- Summed from the records' term counts per month (int_term_month_counts), kept between runs.
create or replace table dim_term as
with term_counts as (
    select * from int_term_month_counts
),

surfaces as (
    select lang, term, surface, sum(records)::bigint as records
    from term_counts
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
    select lang, term, category, sum(records)::bigint as records, sum(sum(records)::bigint) over (partition by lang, term) as term_records
    from term_counts
    where category is not null
    group by lang, term, category
),

-- a source is a hospital's: two hospitals' `complaints` are two sources
source_totals as (
    select lang, hospital, source, count(*) as issue_records, sum(count(*)) over (partition by lang) as language_records
    from fct_feedback
    where kind <> 'praise'
    group by lang, hospital, source
),

term_sources as (
    select lang, term, hospital, source, sum(records)::bigint as records, sum(sum(records)::bigint) over (partition by lang, term) as language_records_with_term
    from term_counts
    where not praise
    group by lang, term, hospital, source
),

templates as (
    select
        term_sources.lang,
        term_sources.term,
        -- a term that is two sources' template (one of them small) is named after the larger share
        first(term_sources.source order by term_sources.records / source_totals.issue_records desc, term_sources.source, term_sources.hospital) as template_source
    from term_sources
    inner join source_totals using (lang, hospital, source)
    where source_totals.issue_records >= 100
      and source_totals.language_records - source_totals.issue_records >= 100
      and term_sources.records / source_totals.issue_records >= 0.05
      and (term_sources.language_records_with_term - term_sources.records) / (source_totals.language_records - source_totals.issue_records)
          <= (term_sources.records / source_totals.issue_records) / 10
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
        templates.template_source,
        coalesce(lifts.category_lift >= 1.5, false) and templates.template_source is null as names_issue
    from terms
    left join lifts using (lang, term)
    left join templates using (lang, term)
)

select * from final;
