-- Grain: one row per ISO week per issue word (a term that is the anchor of a high-frequency issue
-- theme in its language, so a word that leans to a complaint category and is no source's
-- template) held by complaints, suggestions or enquiries of that week (praise left out, as the
-- themes leave it out): records holding it that week and the week before, ranked within the week;
-- shown as it is written most often (an English word is counted by its stem).
create or replace temp table report_week_issues as
with issue_words as (
    select distinct lang, anchor_term as term from report_high_frequency_issues
),

-- the issue words' occurrences first, then their records: far fewer rows to join than every term;
-- only the scope's hospital's (its records are the only ones joined, and a source and id may recur
-- in another hospital), so each hospital's report reads its own terms, not all hospitals' again
occurrences as (
    select source, id, term, surface
    from record_terms
    where in_report_scope(hospital) and term in (select term from issue_words)
),

feedback as (
    select source, id, received_at, lang from report_feedback where kind <> 'praise'
),

terms as (
    select date_trunc('week', feedback.received_at)::date as week_start, feedback.lang, occurrences.term, occurrences.surface, occurrences.source, occurrences.id
    from occurrences
    inner join feedback on feedback.source = occurrences.source and feedback.id = occurrences.id
),

counted as (
    -- record_terms holds a term once per record, so rows count records
    select terms.week_start, terms.lang, terms.term, count(*)::integer as records
    from terms
    inner join issue_words on issue_words.lang = terms.lang and issue_words.term = terms.term
    group by all
),

surfaces as (
    select terms.lang, terms.term, terms.surface, count(*) as records
    from terms
    inner join issue_words on issue_words.lang = terms.lang and issue_words.term = terms.term
    group by all
),

written as (
    select lang, term, first(coalesce(surface, term) order by records desc, surface) as written
    from surfaces
    group by lang, term
),

final as (
    select
        strftime(this_week.week_start, '%Y-%m-%d') as week_start,
        this_week.lang,
        this_week.term,
        written.written,
        this_week.records,
        coalesce(previous_week.records, 0) as previous_week_records,
        row_number() over (partition by this_week.week_start order by this_week.records desc, this_week.lang, this_week.term)::integer as rank
    from counted as this_week
    inner join written on written.lang = this_week.lang and written.term = this_week.term
    left join counted as previous_week
        on previous_week.lang = this_week.lang
        and previous_week.term = this_week.term
        and previous_week.week_start = this_week.week_start - 7
)

select * from final;
