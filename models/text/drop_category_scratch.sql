-- Drops category inference's working tables once its labels are stored: every analysed record's
-- example (category_examples) and the last language's rows with their terms (category_rows).
-- Left, they would stay in DuckDB's memory (within its limit) through the marts.
drop table if exists category_examples;
drop table if exists category_rows;
