-- input_values_cleaned(input_relation, source_given, id_given): the values of the file being
-- ingested that staging publishes with every record and so checks for personal data, each
-- distinct value once, as rows (kind, value, cleaned) that stg_feedback and stg_survey join back
-- to their rows. input_relation names the file's rows ('input_rows'): DuckDB binds the tables a
-- table macro names when the macro is created, and input_rows exists only while a file is read.
-- * kind 'value': a source or an id as the model reads it (source_given, id_given: expressions
--   over the rows), cleaned by redact_pii; an id that redaction changes holds personal data.
-- * kind 'hospital': a hospital as written, cleaned as clean_hospital cleans it (folded, redacted).
-- * kind 'department': a department as written, folded (folded_name), or `[withheld]` when it
--   holds personal data (withheld_if_redacted).
-- Each call of the personal-data macros in a statement costs 0.05 to 0.1 CPU-s to set up, whatever
-- the rows (BENCHMARKS.md, "The incremental day, step by step"), and again for each join above it:
-- so redact_pii is called once, over the distinct values, below every join. Only those values,
-- never whole rows, sit in a CTE read twice: DuckDB materializes such a CTE, and two copies of
-- every row with its text were a quarter of stg_feedback's time. A caller reads the result
-- through one materialized CTE: each use of a table macro is a copy of its query.
create or replace macro input_values_cleaned(input_relation, source_given, id_given) as table
with sources as (
    select distinct source_given as source from query_table(input_relation)
),

-- hospitals and departments repeat on every row: each distinct spelling is folded once
hospitals as (
    select hospital, folded_name(hospital) as hospital_folded from query_table(input_relation) where hospital is not null group by hospital
),

departments as (
    select department, folded_name(department) as department_folded from query_table(input_relation) where department is not null group by department
),

redacted as materialized (
    select value, redact_pii(value) as value_redacted
    from (
        select source as value from sources
        union select hospital_folded from hospitals
        union select id_given from query_table(input_relation)
        union select department_folded from departments
    )
    where value is not null
)

select 'value' as kind, value, value_redacted as cleaned from redacted
union all
select 'hospital', hospitals.hospital, redacted.value_redacted
from hospitals
left join redacted on redacted.value = hospitals.hospital_folded
union all
select 'department', departments.department, withheld_if_redacted(departments.department_folded, redacted.value_redacted)
from departments
left join redacted on redacted.value = departments.department_folded;
