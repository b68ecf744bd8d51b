-- Drops the inferred categories that category inference writes again this run: all but the
-- labels a stored classifier reused this run ($kept: its languages) gave to the very analysis a
-- record still has (category_examples.classifier_labelled); a record given a category since
-- keeps none.
delete from inferred_categories as inferred
where not exists (
    select 1
    from category_examples as examples
    where examples.hospital = inferred.hospital and examples.source = inferred.source and examples.id = inferred.id
        and examples.classifier_labelled and examples.given_category is null and list_contains($kept, examples.lang)
);
