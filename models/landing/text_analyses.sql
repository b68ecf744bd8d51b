-- Grain: one row per feedback record version the text stage has read (pipeline/text/stage.ts).
-- A record is read again when its content_hash or the analyzer (dictionaries, stop words, learned
-- collocations, code) changes. Derived from redacted text only, so no identifier becomes a term.
-- Terms are stored as a list per record: a row per term would repeat the record's key each time
-- and cost as much to write as the segmentation itself.
create table if not exists text_analyses (
    source varchar not null,
    id varchar not null,
    content_hash ubigint not null,
    analyzer varchar not null,          -- fingerprint of everything that decides the terms
    lang varchar not null,              -- zh | vi | en
    lexicon_hits varchar[] not null,    -- one category per lexicon phrase found, repeats kept
    terms varchar[] not null,           -- distinct keys variants share: an English stem, a Vietnamese word
    surfaces varchar[] not null,        -- each term as this record wrote it, in the same order
    hospital varchar
);
alter table text_analyses add column if not exists hospital varchar;
