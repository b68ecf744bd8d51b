-- Grain: at most one row: the classifier stored for the language $lang, if its training set has not
-- meaningfully changed: today's $labelled records of the language are no fewer than it learned
-- from and at most the share $growth more, and it was trained less than $days days ago. Otherwise
-- category inference trains it again (pipeline/text/categories.ts).
select
    model::varchar as model,
    held_out::varchar as held_out
from category_classifiers
where
    lang = $lang
    and labelled <= $labelled
    and $labelled <= labelled * (1 + $growth)
    and trained_on > current_date - $days::integer
