-- A page of inferred categories (inferred_page) into inferred_categories, by name.
insert into inferred_categories by name from inferred_page;

drop table inferred_page;
