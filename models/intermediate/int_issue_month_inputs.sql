-- Grain: one row per hospital per language per month of int_issue_months: a fingerprint of all
-- that the high-frequency issues of a published month read (pipeline/frequency/
-- high-frequency-issues.ts), so that a run computes again only the months whose fingerprint is not
-- the one their stored rows were computed under (int_issue_month_versions), and keeps the others.
-- A month's themes read its records whole (ids, departments, locations, texts, terms), which of
-- their terms name an issue and those terms' surfaces (dim_term, learned over the whole history: a
-- new day can make a word of an old month an issue term, or change its surface), its days and
-- whether it is published; its trend reads the term lists and the days of the three months
-- before; all of it under the step's code and SQL (variable issue_rules). `rebuild`: a published
-- month to compute again; `counted`: a month not computed again whose term lists one that is
-- counts (one of the three months after it); `records`: how many it holds, by which the step cuts
-- the months it reads into slices.
create or replace temp table int_issue_month_inputs as
with month_records as (
    select
        hospital,
        lang,
        month,
        count(*) as records,
        sum(hash(source, id, department, location, text_hash, terms)) as records_hash,
        -- what the months after count in it: how many records hold which terms
        sum(hash(terms)) as terms_hash
    from mart_issue_records
    group by all
),

-- each occurrence, not each distinct term: the records (above) fix how often a term occurs
month_issue_terms as (
    select record_terms.hospital, record_terms.lang, record_terms.month, sum(hash(dim_term.term, dim_term.surface)) as issue_terms_hash
    from (select hospital, lang, month, unnest(terms) as term from mart_issue_records) as record_terms
    inner join dim_term using (lang, term)
    where dim_term.names_issue
    group by all
),

months as (
    select
        issue_months.*,
        coalesce(month_records.records, 0) as records,
        coalesce(month_records.records_hash, 0) as records_hash,
        coalesce(month_issue_terms.issue_terms_hash, 0) as issue_terms_hash,
        {'days': issue_months.days, 'terms': coalesce(month_records.terms_hash, 0)} as counted
    from int_issue_months as issue_months
    left join month_records using (hospital, lang, month)
    left join month_issue_terms using (hospital, lang, month)
),

fingerprints as (
    select
        hospital,
        lang,
        month,
        days,
        published,
        records,
        md5({
            'rules': getvariable('issue_rules'),
            'published': published,
            'days': days,
            'records': records_hash,
            'issue_terms': issue_terms_hash,
            'before': [lag(counted, 1) over months_before, lag(counted, 2) over months_before, lag(counted, 3) over months_before]
        }::varchar) as fingerprint
    from months
    window months_before as (partition by hospital, lang order by month)
),

rebuilt as (
    select
        fingerprints.*,
        fingerprints.published and fingerprints.fingerprint is distinct from stored.fingerprint as rebuild
    from fingerprints
    left join int_issue_month_versions as stored using (hospital, lang, month)
),

final as (
    select
        *,
        not rebuild and coalesce(bool_or(rebuild) over (partition by hospital, lang order by month rows between 1 following and 3 following), false) as counted
    from rebuilt
)

select * from final;
