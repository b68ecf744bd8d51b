import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/config.ts';
import { MART_MODELS, martsReadBy, relationOf, UPDATED_MODELS } from '../../pipeline/plan.ts';

/** The marts a backtest builds (pipeline/backtest.ts): those its satisfaction and detect stages read. */
const built = martsReadBy(['satisfaction', 'detect']);

/** pipeline/backtest.ts and every product file it imports, directly or not. */
function backtestSources(): string[] {
  const seen = new Set<string>();
  const pending = [join(PROJECT_ROOT, 'pipeline/backtest.ts')];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+\.ts)'/g)) pending.push(join(dirname(file), path!));
  }
  return [...seen];
}

/** A TypeScript file's text without its comments, which may name a table without reading it. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('the marts a backtest builds (martsReadBy)', () => {
  it('are the ones the detectors and the satisfaction models read, and not the pages\' and exports\' own', () => {
    // int_alert_cell_records reads fct_feedback and dim_department; the satisfaction counts read fct_survey_response
    for (const mart of ['marts/fct_feedback', 'marts/dim_department', 'marts/fct_survey_response', 'marts/fct_record_terms', 'intermediate/int_department_names']) expect(built).toContain(mart);
    for (const mart of ['marts/export_feedback', 'marts/mart_praise', 'marts/mart_repeat_complaints', 'marts/mart_open_cases']) expect(built).not.toContain(mart);
  });

  it('include every mart updated in place (by key, period or day), which must keep up with the record versions stored, and what it reads', () => {
    const kept = MART_MODELS.filter((mart) => UPDATED_MODELS.has(mart));
    expect(kept).toContain('intermediate/int_complaint_grievances');
    for (const mart of kept) expect(built).toContain(mart);
    // the days the grievances are rebuilt for
    expect(built).toContain('intermediate/int_changed_grievance_days');
  });

  it('include every mart the backtest\'s own code reads: no file it imports names one left out', () => {
    const sources = backtestSources().filter((file) => !file.endsWith('pipeline/plan.ts'));
    expect(sources.length).toBeGreaterThan(50);
    const named = sources.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return MART_MODELS.filter((mart) => !built.has(mart) && new RegExp(`\\b${relationOf(mart)}\\b`).test(code)).map((mart) => `${file}: ${mart}`);
    });
    expect(named).toEqual([]);
  });
});
