-- Grain: one row per detector warning (alert_group_baselines: its hospital, its named cell and the first day of its window) and each term
-- of the cell's complaints in the 52 weeks before: the baseline its rising terms are measured
-- against, as record counts, with the baseline's own size.
with baseline as (
    select baselines.group_id, records.hospital, records.source, records.id
    from alert_group_baselines as baselines
    inner join int_alert_cell_records as records
        on records.hospital = baselines.hospital
        and records.cell = baselines.cell
        and records.day < baselines.week::date
        and records.day >= baselines.week::date - 364
),

sizes as (
    select group_id, count(*)::integer as baseline_records from baseline group by group_id
),

-- each baseline record's terms unnested after the join (record_terms' rows, of these records alone)
terms as (
    select baseline.group_id, unnest(analyses.terms) as term
    from baseline
    inner join text_analyses as analyses using (hospital, source, id)
)

select terms.group_id, terms.term, count(*)::integer as records, any_value(sizes.baseline_records) as baseline_records
from terms
inner join sizes using (group_id)
group by terms.group_id, terms.term;
