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
--
-- In slices (a whole build at 10M records, every complaint ordered, unnested and windowed at once,
-- exceeds DuckDB's 4 GiB): the rebuilt days of one hospital cut, in day order, into runs of about
-- getvariable('slice_rows') complaints (whole days: a day is one slice); the plan computes
-- int_complaint_grievances_changed once per slice (getvariable('slice')), which reads that
-- slice's complaints and those of its hospital from 30 days before its first day, and gives the
-- rows of its own. Each complaint of the input carries the range of slices that read it, and the
-- table is written in that order, so that a slice's scan skips, by row group, the complaints it
-- does not read (at 10M, some 30 slices, each of which would otherwise scan all 5.7M complaints
-- with their terms). Why a slice gives exactly the rows of one pass: the order (received_at,
-- hospital, source, id) is total, so the complaints a slice reads before a complaint X are, in
-- that order, the last ones of those one pass reads before X: all of them back to 30 days before
-- the slice's first day, which is at least 30 days before X. The windows (the 10 latest on a
-- contact, the 30 latest on a prefix term, each of X's hospital) so pick the same complaints,
-- save ones received more than 30 days before X, which the 30-day filter drops in one pass too.
-- The term order (length, MD5) does not depend on which terms a slice holds, so X's prefix terms
-- are the same; its parent, the earliest linked (min seq), the same complaint, as seq numbers a
-- slice's complaints in the same order.
create or replace temp table int_complaint_grievances_input as
with days as (
    select hospital, day, rebuilt from int_changed_grievance_days
),

complaints as (
    select
        feedback.hospital,
        feedback.source,
        feedback.id,
        feedback.received_at,
        days.day,
        feedback.department,
        feedback.channel,
        records.contact_hash,
        records.content_hash,
        days.rebuilt
    from fct_feedback as feedback
    inner join feedback_records as records using (hospital, source, id)
    inner join days on days.hospital is not distinct from feedback.hospital and days.day = feedback.received_at::date
    where feedback.kind = 'complaint'
),

rebuilt_days as (
    select hospital, day, count(*) as complaints
    from complaints
    where rebuilt
    group by hospital, day
),

-- a day's slice: the complaints of its hospital's rebuilt days before it, in slices of slice_rows
-- (a slice holds at most slice_rows plus one day's complaints)
day_slices as (
    select hospital, day, dense_rank() over (order by hospital, complaints_before // getvariable('slice_rows')::bigint) as slice
    from (
        select hospital, day,
            coalesce(sum(complaints) over (partition by hospital order by day rows between unbounded preceding and 1 preceding), 0) as complaints_before
        from rebuilt_days
    )
),

-- the slices that read a day: those of its hospital whose first day is at most 30 days after it and
-- whose last day is not before it; a hospital's slices run in day order, so a range of slice numbers
read_slices as (
    select days.hospital, days.day, min(ranges.slice) as first_slice, max(ranges.slice) as last_slice
    from days
    inner join (
        select day_slices.hospital, day_slices.slice, min(day_slices.day) as first_day, max(day_slices.day) as last_day
        from day_slices
        group by day_slices.hospital, day_slices.slice
    ) as ranges
        on ranges.hospital is not distinct from days.hospital and days.day between ranges.first_day - 30 and ranges.last_day
    group by days.hospital, days.day
),

final as (
    select
        complaints.hospital,
        complaints.source,
        complaints.id,
        complaints.received_at,
        complaints.day,
        complaints.department,
        complaints.channel,
        complaints.contact_hash,
        -- only sets of at least 4 terms are compared
        case when len(analyses.terms) >= 4 then analyses.terms end as terms,
        day_slices.slice,
        read_slices.first_slice,
        read_slices.last_slice
    from complaints
    left join text_analyses as analyses using (hospital, source, id, content_hash)
    left join day_slices on day_slices.hospital is not distinct from complaints.hospital and day_slices.day = complaints.day
    left join read_slices on read_slices.hospital is not distinct from complaints.hospital and read_slices.day = complaints.day
)

-- written in the order of the slices that read a row (both bounds rise with it), so that a slice's
-- filter on them skips, by the row groups' min and max, every part of the table it does not read
select * from final
order by first_slice, last_slice;

create or replace temp view int_complaint_grievances_changed as
-- the slice's complaints and those of its hospital from 30 days before its first day: a filter on
-- constants at the scan, not a join that reads every complaint of the history for each slice
with complaints as (
    select *
    from int_complaint_grievances_input
    where first_slice <= getvariable('slice') and last_slice >= getvariable('slice')
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
    select seq, hospital, department, received_at, terms, len(terms) as term_count
    from ordered
    where terms is not null
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
    where complaint.slice = getvariable('slice')
)

select * from final;
