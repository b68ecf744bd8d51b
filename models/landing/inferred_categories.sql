-- Grain: one row per feedback record that came without a category: the category the text stage
-- inferred for it this run (pipeline/text/categories.ts), with the method and its probability.
create table if not exists inferred_categories (
    source varchar not null,
    id varchar not null,
    category category_type not null,
    probability double,                 -- the classifier's; null for a lexicon decision
    method varchar not null,            -- classifier | lexicon | none
    hospital varchar
);
alter table inferred_categories add column if not exists hospital varchar;
