-- Grain: one row per feedback record that came without a category: the category the text stage
-- inferred for it (pipeline/text/categories.ts), with the method and its probability, and the text
-- analysis it was inferred from: a label of a reused classifier is kept while that analysis is the
-- record's, since the label depends on nothing else.
create table if not exists inferred_categories (
    source varchar not null,
    id varchar not null,
    category category_type not null,
    probability double,                 -- the classifier's; null for a lexicon decision
    method varchar not null,            -- classifier | lexicon | none
    hospital varchar,
    content_hash ubigint,               -- the record version and analyzer of the analysis (text_analyses) it was inferred from
    analyzer varchar
);
alter table inferred_categories add column if not exists hospital varchar;
-- a warehouse from before the analysis was kept with the label: its labels are inferred again once
alter table inferred_categories add column if not exists content_hash ubigint;
alter table inferred_categories add column if not exists analyzer varchar;
