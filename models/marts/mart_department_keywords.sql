-- Grain: one row per keyword per department per language per hospital: the words that set a
-- department's complaints of the last year apart (TF-IDF with the hospital's departments as
-- documents), strongest first.
-- Filled by pipeline/frequency/stage.ts.
create or replace table mart_department_keywords (
    hospital varchar not null,
    department varchar not null,
    lang varchar not null,
    rank integer not null,
    term varchar not null,
    surface varchar not null,           -- the term as people write it (dim_term)
    records integer not null,           -- the department's records of the year holding it
    tf_idf double not null
);
