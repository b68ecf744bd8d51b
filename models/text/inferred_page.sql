-- Grain: one row per record of a page whose category the text stage inferred
-- (pipeline/text/categories.ts appends them here): the columns of inferred_categories in a known
-- order, since a warehouse upgraded in place holds that table's later columns in the order they
-- were added; store_inferred_page inserts the page by name.
create or replace temp table inferred_page as
select source, id, category, probability, method, hospital, content_hash, analyzer
from inferred_categories
limit 0;
