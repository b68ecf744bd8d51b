-- Grain: one row per hospital per department (department null for the whole hospital, `ALL`)
-- with a signal in mart_satisfaction_drop: one satisfaction_drop warning per department, whatever
-- the sections, patient types and methods that fell, so that one problem (a ward renovation shows
-- in section C, inpatients, monthly and weekly) is one warning. It names its headline: the cell
-- (patient type and dimension) that fell furthest below an expectation, a section before the whole
-- form and one patient type before both together when they fell as far (a department with
-- inpatients only has the same numbers for both), so that pooling the sections or the forms never
-- hides where it moved; within the cell, the month before the week and the department's own
-- history (xmr) before the comparison with its peers (funnel). The
-- warning key is the department's, as before sections were watched, so its id is stable.
-- Quotes: up to three redacted comments of the headline's respondents (its department, patient
-- type, month or week) who were dissatisfied with its section (their answers to it average below
-- 4), the most dissatisfied first.
create or replace table mart_satisfaction_drop_candidates as
with signals as (
    select * from mart_satisfaction_drop
),

with_cell_drop as (
    select *, max(expected_pct - observed_pct) over (partition by hospital, department, patient_type, dimension) as cell_drop
    from signals
),

ranked as (
    select
        *,
        row_number() over (
            partition by hospital, department
            order by cell_drop desc, dimension = 'all', patient_type = 'all', dimension, patient_type, grain = 'week', method = 'funnel', method
        ) as rank
    from with_cell_drop
),

headline as (
    select * from ranked where rank = 1
),

per_department as (
    select
        hospital,
        department,
        min(period_start) as period_start,
        max(period_end) as period_end,
        string_agg(distinct method, '+' order by method) as method,
        count(distinct method) as methods,
        bool_or(observed_pct < limit_pct) as below_limit,
        list(
            {
                'section': dimension, 'patient_type': patient_type, 'grain': grain, 'period': period, 'method': method,
                'rule': reason, 'responses': responses, 'observed': observed_pct, 'expected': expected_pct
            }
            order by expected_pct - observed_pct desc, dimension, patient_type, grain, method
        ) as cells
    from signals
    group by hospital, department
),

-- the headline's respondents first (a handful of responses, none when nothing fell), then only
-- their answers: joined to the headline directly, every response's answers were unnested for the
-- join, a quarter of a CPU-second on each replayed Monday of the sample, falls or none
headline_responses as (
    select headline.hospital, headline.department as headline_department, headline.dimension, forms.source, forms.response_id
    from headline
    inner join mart_satisfaction_response_forms as forms
        on forms.hospital = headline.hospital
        and (headline.department = 'ALL' or forms.department = headline.department)
        and (headline.patient_type = 'all' or forms.patient_type = headline.patient_type)
        and (case when headline.grain = 'month' then forms.month else forms.week end) = headline.period
),

headline_answers as (
    select responses.hospital, responses.headline_department, answers.source, answers.response_id, answers.score
    from headline_responses as responses
    inner join mart_satisfaction_answers as answers using (hospital, source, response_id)
    -- a section's own answers; for the whole form (`all`) every answer
    where responses.dimension = 'all' or answers.section = responses.dimension
),

respondent_scores as (
    select hospital, headline_department, source, response_id, avg(score) as mean_score
    from headline_answers
    group by hospital, headline_department, source, response_id
),

quoted as (
    select
        scores.hospital,
        scores.headline_department as department,
        list(responses.comment_redacted order by scores.mean_score, responses.submitted_at desc, responses.response_id)[1:3] as quotes
    from respondent_scores as scores
    inner join fct_survey_response as responses
        on responses.hospital = scores.hospital and responses.source = scores.source and responses.response_id = scores.response_id
    where scores.mean_score < 4 and responses.comment_redacted is not null
    group by scores.hospital, scores.headline_department
),

final as (
    select
        'satisfaction_drop' as kind,
        to_json([headline.hospital, 'satisfaction_drop', nullif(headline.department, 'ALL')])::varchar as warning_key,
        headline.hospital,
        nullif(headline.department, 'ALL') as department,
        per_department.period_start,
        per_department.period_end,
        headline.observed_pct as observed,
        headline.expected_pct as expected,
        per_department.method,
        headline.reason,
        -- decided from methods and below_limit by pipeline/warnings/severity.ts (dropSeverity)
        null::varchar as severity,
        []::varchar[] as evidence_ids,
        []::struct(source varchar, id varchar)[] as evidence,
        headline.period as month,
        per_department.methods,
        per_department.below_limit,
        {
            'section': headline.dimension,
            'patient_type': headline.patient_type,
            'grain': headline.grain,
            'period': headline.period,
            'rule': headline.reason,
            'quotes': coalesce(quoted.quotes, []::varchar[]),
            'cells': per_department.cells
        } as satisfaction
    from headline
    inner join per_department using (hospital, department)
    left join quoted using (hospital, department)
)

select * from final
order by hospital, department nulls first;
