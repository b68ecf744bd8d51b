-- Grain: one row per record of category_rows numbered $first to $last, in their order, that one
-- pass of category inference reads: the labelled ones when it trains ($training), else those it
-- labels or measures on (without a given category, or held out).
select * exclude (seq)
from category_rows
where
    seq between $first and $last
    and (case when $training then given_category is not null else given_category is null or held_out end)
order by seq;
