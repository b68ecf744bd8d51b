-- Grain: one row per language whose text taught its analyzer something (Vietnamese: syllable
-- pairs that form words the dictionaries lack, and which words dominate their folded form;
-- English: compounds such as "car park"), as JSON; learned again once the language's records have doubled, so terms stay stable between runs.
create table if not exists learned_text_statistics (
    lang varchar primary key,
    statistics json not null,
    learned_from integer not null       -- records in the corpus it was learned from
);
