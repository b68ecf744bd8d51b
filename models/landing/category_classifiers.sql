-- Grain: one row per language whose categories a classifier infers: the classifier last trained
-- (pipeline/text/categories.ts), as JSON, with what its held-out fifth measured; reused until its
-- language's labelled records grow by a tenth, shrink, or it is 30 days old.
create table if not exists category_classifiers (
    lang varchar primary key,
    labelled bigint not null,           -- labelled records it learned from
    trained_on date not null,
    model json not null,
    held_out json not null              -- held_out, macro_f1 and per_category of its held-out report
);
