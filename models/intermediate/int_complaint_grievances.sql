-- Grain: one row per complaint in the warehouse, with the grievance it belongs to. Two complaints
-- are linked when they are of one hospital, were received within 30 days of each other and either share a contact
-- (feedback_records.contact_hash) or are in the same department with near-duplicate terms:
-- Jaccard of their term sets (text_analyses.terms, the lists record_terms unnests) at least 0.6,
-- both with at least 4 terms. A complaint linked to an earlier one is a repeat; its parent is the
-- earliest complaint it is linked to, and its grievance is that parent's (or its own, when it has
-- none). Chains are not followed further back: a chain A → B → C of a grievance raised every few
-- weeks for months counts C as a repeat of B, and following thousands of links through a template
-- text would cost a pass per link.
--
-- Near-duplicates are found without comparing all pairs (prefix filtering, Bayardo, Ma & Srikant
-- 2007, "Scaling up all pairs similarity search"): with terms in one global order, two sets with
-- Jaccard ≥ 0.6 share a term among the first n - ceil(0.6 n) + 1 of each. Only complaints of one
-- department within 30 days that share such a prefix term, and whose sizes are within a factor 0.6
-- of each other, are compared in full, each with the 30 latest before it on each prefix term.
-- The order is fixed: longest term first (the longer words are the rarer, Zipf's law of
-- abbreviation), ties by MD5; not the paper's rarest first by the history's counts, with which a
-- new day's words move old complaints' prefixes and, through the cap, take away links a quality
-- office has been shown. A complaint's links so depend only on the complaints of its hospital in
-- the 30 days before it. A fixed order puts commoner terms in the prefixes, where the cap bites
-- sooner: hence 30, not 10 (BENCHMARKS.md, "Near-duplicate complaints, incremental").
--
-- Incremental (pipeline/plan.ts, TRAILING_MODELS): the rows of the complaints of the days
-- int_changed_grievance_days rebuilds, from the complaints of the days it reads.
create or replace temp view int_complaint_grievances_changed as
with days as (
    select hospital, day, rebuilt from int_changed_grievance_days
),

complaints as (
    select
        feedback.hospital,
        feedback.source,
        feedback.id,
        feedback.received_at,
        feedback.department,
        feedback.channel,
        records.contact_hash,
        records.content_hash
    from fct_feedback as feedback
    inner join feedback_records as records using (hospital, source, id)
    semi join days on days.hospital is not distinct from feedback.hospital and days.day = feedback.received_at::date
    where feedback.kind = 'complaint'
),

-- a total order, so that "earlier" holds for complaints received at the same moment
ordered as (
    select *, row_number() over (order by received_at, hospital, source, id) as seq from complaints
),

-- each complaint is compared with at most the 10 complaints before it that share its contact (and,
-- below, the 30 on each of its prefix terms): a contact or a template in every record (a
-- switchboard number, a form letter) must not turn the pairs into a square of the records
contact_links as (
    select earlier.seq as earlier_seq, later.seq as later_seq, 'contact' as linked_by
    from (
        select seq, received_at, unnest(list(seq) over (partition by hospital, contact_hash order by seq rows between 10 preceding and 1 preceding)) as earlier_seq
        from ordered
        where contact_hash is not null
    ) as later
    inner join ordered as earlier on earlier.seq = later.earlier_seq
    where later.received_at <= earlier.received_at + interval 30 days
),

term_sets as (
    select ordered.seq, ordered.hospital, ordered.department, ordered.received_at, analyses.terms, len(analyses.terms) as term_count
    from ordered
    inner join text_analyses as analyses using (hospital, source, id, content_hash)
    where len(analyses.terms) >= 4
),

tokens as (
    select seq, unnest(terms) as term from term_sets
),

-- the global order prefix filtering needs (see above); a term's rank among this build's terms names
-- it from here on, so that a set is a list of integers (the same intersections, compared at a
-- fraction of the cost)
term_order as (
    select term, row_number() over (order by length(term) desc, md5(term), term) as term_rank
    from (select distinct term from tokens)
),

-- each set as its terms' ranks, in that order
ranked_sets as (
    select tokens.seq, list(term_order.term_rank order by term_order.term_rank) as ranks
    from tokens
    inner join term_order using (term)
    group by tokens.seq
),

prefixes as (
    select term_sets.seq, term_sets.hospital, term_sets.department, term_sets.received_at, term_sets.term_count,
        -- ceil(0.6 n) in integers: (3n + 4) // 5
        unnest(ranked_sets.ranks[1:term_sets.term_count - (3 * term_sets.term_count + 4) // 5 + 1]) as term_rank
    from ranked_sets
    inner join term_sets using (seq)
),

candidates as (
    select distinct earlier.seq as earlier_seq, later.seq as later_seq
    from (
        select seq, received_at, term_count,
            unnest(list(seq) over (partition by hospital, department, term_rank order by seq rows between 30 preceding and 1 preceding)) as earlier_seq
        from prefixes
    ) as later
    inner join term_sets as earlier on earlier.seq = later.earlier_seq
    where later.received_at <= earlier.received_at + interval 30 days
        and 5 * later.term_count >= 3 * earlier.term_count
        and 5 * earlier.term_count >= 3 * later.term_count
),

compared as (
    select
        candidates.earlier_seq,
        candidates.later_seq,
        -- a record's terms are distinct (the text stage stores each once), so are their ranks: counting
        -- those of one set the other contains is the size of the intersection
        len(list_filter(earlier.ranks, term_rank -> list_contains(later.ranks, term_rank))) as shared_terms,
        len(earlier.ranks) + len(later.ranks) as both_counts
    from candidates
    inner join ranked_sets as earlier on earlier.seq = candidates.earlier_seq
    inner join ranked_sets as later on later.seq = candidates.later_seq
),

text_links as (
    select earlier_seq, later_seq, 'text' as linked_by
    from compared
    -- shared / (both - shared) >= 3/5, in integers
    where 5 * shared_terms >= 3 * (both_counts - shared_terms)
),

links as (
    select * from contact_links
    union all
    select * from text_links
),

parents as (
    select later_seq as seq, min(earlier_seq) as parent_seq
    from links
    group by later_seq
),

parent_links as (
    select parents.seq, parents.parent_seq, string_agg(distinct links.linked_by, '+' order by links.linked_by) as linked_by
    from parents
    inner join links on links.later_seq = parents.seq and links.earlier_seq = parents.parent_seq
    group by parents.seq, parents.parent_seq
),

final as (
    select
        complaint.hospital,
        complaint.source,
        complaint.id,
        complaint.received_at,
        complaint.department,
        complaint.channel,
        parent.source as parent_source,
        parent.id as parent_id,
        parent_links.linked_by,
        coalesce(parent.source, complaint.source) as grievance_source,
        coalesce(parent.id, complaint.id) as grievance_id,
        coalesce(parent.channel, complaint.channel) as grievance_channel,
        parent_links.seq is not null as is_repeat,
        parent_links.seq is not null and complaint.channel <> parent.channel as is_cross_channel_repeat
    from ordered as complaint
    left join parent_links on parent_links.seq = complaint.seq
    left join ordered as parent on parent.seq = parent_links.parent_seq
    semi join days on days.hospital is not distinct from complaint.hospital and days.day = complaint.received_at::date and days.rebuilt
)

select * from final;
