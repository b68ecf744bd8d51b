-- Drops the text stage's working tables once it has stored its analyses: the records it read
-- (pending_text, with their text: every record on a first run) and the corpora its analyzer
-- learned from (learning_corpus). Left, they would stay in DuckDB's memory (within its limit)
-- through the marts.
drop table if exists pending_text;
drop table if exists learning_corpus;
