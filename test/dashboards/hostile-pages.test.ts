import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderDepartmentIndex, renderDepartmentPage, type DepartmentPack } from '../../dashboards/department-page.ts';
import { renderIssuesPage } from '../../dashboards/issues-page.ts';
import { renderLeadershipPage } from '../../dashboards/leadership-page.ts';
import { renderRunReport } from '../../dashboards/run-report.ts';
import type { RunSummary } from '../../pipeline/publish/run-summary.ts';
import type { Warning } from '../../pipeline/warnings/warnings.ts';

/** Markup and an attribute break-out, as a department name or a patient's text could hold them. */
const HOSTILE = `<img src=x onerror="alert(1)">'&<script>alert(2)</script>`;

/** What a page must never contain: any of the hostile markup as markup, read as a browser would. */
function expectEscaped(page: string): void {
  const { document } = parseHTML(page);
  expect(document.querySelectorAll('script, img')).toHaveLength(0);
  expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
  expect(page).not.toContain('<script>alert');
  // and the text is there, escaped
  expect(page).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;&lt;script&gt;alert(2)&lt;/script&gt;');
}

const warning: Warning = {
  id: 'W-1',
  kind: 'spike',
  hospital: HOSTILE,
  run_id: 'r',
  department: HOSTILE,
  category: 'process',
  location: HOSTILE,
  keywords: [HOSTILE],
  period_start: '2025-06-11',
  period_end: '2025-06-17',
  observed: 9,
  expected: 1.7,
  method: HOSTILE,
  severity: 'high',
  status: 'new',
  evidence_ids: [HOSTILE],
  evidence: [{ source: HOSTILE, id: HOSTILE }],
  summary: HOSTILE,
  suggested_action: HOSTILE,
  due_date: '2025-06-20',
  quotes: [HOSTILE],
  signals: [{ kind: 'spike', cell: ['department', HOSTILE, 'process'], observed: 9, expected: 1.7, upperbound: 5, p_value: 0.0001, q_value: 0.001, method: 'ears_c2' }],
  weekly: [
    { week_start: '2025-06-04', observed: 2, expected: 1.5, upperbound: 5 },
    { week_start: '2025-06-11', observed: 9, expected: 1.7, upperbound: 5 },
  ],
};

const pack: DepartmentPack = { hospital: HOSTILE, department: HOSTILE, as_of: '2025-06-30', generated_at: '2025-06-30T08:00:00Z', warnings: [warning], kpis: null };

describe('every page escapes what the data holds', () => {
  it('the run report: file names, errors, department names, values', () => {
    const summary = {
      run_id: 'r',
      generated_at: '2025-06-30T08:00:00Z',
      as_of: '2025-06-30',
      files: [{ path: HOSTILE, kind: 'feedback', status: 'rejected', rows_read: 0, loaded: 0, duplicates: 0, quarantined: 0, quarantine_reasons: {}, quarantine_reason_codes: {}, error: HOSTILE }],
      ignored_files: [],
      not_read: [{ path: HOSTILE, reason: 'not_a_table' }],
      totals: { rows_read: 0, loaded: 0, duplicates: 0, quarantined: 0 },
      records_in_warehouse: { feedback: 0, survey: 0, total: 0 },
      data_quality: {
        quarantine_by_reason: [{ hospital: HOSTILE, reason: HOSTILE, reason_code: HOSTILE, rows: 1, examples: [{ path: HOSTILE, row: 2, line: null }] }],
        unknown_departments: [{ hospital: HOSTILE, name: HOSTILE, feedback_records: 1, survey_responses: 0, suggestions: [{ code: HOSTILE, name: HOSTILE, method: 'prefix' }] }],
        unrecognised_values: [{ hospital: HOSTILE, field: 'channel', value: HOSTILE, records: 1 }],
      },
      text: { analysed: 0, languages: { zh: 0, vi: 0, en: 0 }, categories: [] },
    } satisfies RunSummary;
    expectEscaped(renderRunReport(summary, { language: 'en', warnings: [warning], group: [], hospital: HOSTILE, downloads: [{ href: HOSTILE, label: HOSTILE }], reports: [{ rhythm: 'daily', period: '2025-06-30', hospital: HOSTILE, html: HOSTILE, markdown: HOSTILE }] }));
  });

  it('the group view: hospital names in rows, links and warnings', () => {
    const summary = {
      run_id: HOSTILE,
      generated_at: '2025-06-30T08:00:00Z',
      as_of: '2025-06-30',
      files: [],
      ignored_files: [],
      not_read: [],
      totals: { rows_read: 0, loaded: 0, duplicates: 0, quarantined: 0 },
      records_in_warehouse: { feedback: 0, survey: 0, total: 0 },
      data_quality: { quarantine_by_reason: [], unknown_departments: [], unrecognised_values: [] },
      text: { analysed: 0, languages: { zh: 0, vi: 0, en: 0 }, categories: [] },
    } satisfies RunSummary;
    const pages = { issues: HOSTILE, leadership: HOSTILE, departments: HOSTILE };
    const row = { hospital: HOSTILE, pages, month: '2025-05', kpis: null, previousComplaints: 2, openComplaints: 1, pastDue: 0, index: { pct: 80, low: 70, high: 90 }, perVisits: null };
    const page = renderRunReport(summary, {
      language: 'zh',
      warnings: [warning],
      group: [row, { ...row, hospital: 'B' }],
      hospital: null,
      downloads: [],
      reports: [{ rhythm: 'weekly', period: '2025-W26', hospital: HOSTILE, html: HOSTILE, markdown: HOSTILE }],
    });
    expectEscaped(page);
    expect(page).toContain('各医院对比');
  });

  it('the issues page: themes, departments, places, quotes, terms', () => {
    const page = renderIssuesPage(
      {
        hospital: HOSTILE,
        runId: HOSTILE,
        asOf: '2025-06-30',
        generatedAt: '2025-06-30T08:00:00Z',
        months: ['2025-06'],
        issues: [{ month: '2025-06', lang: 'en', rank: 1, theme: HOSTILE, records: 3, previous_month_records: 1, mean_previous_3_months: 1, days: 30, records_per_day: 0.1, previous_month_per_day: 0.03, previous_3_months_per_day: null, departments: [HOSTILE], locations: [HOSTILE], quotes: [HOSTILE] }],
        emerging: [{ hospital: HOSTILE, lang: 'en', surface: HOSTILE, recent_with_term: 3, baseline_with_term: 0, recent_records: 10, baseline_records: 100, g2: 12, log_ratio: 3, emergence: 'new' }],
        categories: [],
        categoryMonths: [{ month: '2025-06', category: HOSTILE, complaints: 2 }],
      },
      'vi',
    );
    expectEscaped(page);
    expect(page).toContain('<figcaption>Toàn bệnh viện: khiếu nại theo nhóm và theo tháng</figcaption>');
  });

  it('the department page and the index: names, summaries, actions, quotes, keywords, evidence, the weekly chart', () => {
    const page = renderDepartmentPage(pack, 'zh', {
      satisfaction: [],
      rates: [{ month: '2025-06', response_rate: 50 }],
      categories: [{ month: '2025-06', category: HOSTILE, complaints: 2 }],
    });
    expectEscaped(page);
    // the warning's chart and the department's charts are there, each with its text alternative
    expect(page.match(/<figure class="chart">/g)).toHaveLength(3);
    // the warning's chart names its cell in the reader's words
    expect(page).toContain('&lt;/script&gt; · 管理流程：每周投诉</figcaption>');
    expectEscaped(renderDepartmentIndex({ hospital: HOSTILE, runId: HOSTILE, asOf: '2025-06-30', generatedAt: '2025-06-30T08:00:00Z', packs: [{ slug: 'd-1', pack }], hospitalWide: [{ ...warning, department: null }] }, 'en'));
  });

  it('the leadership page: department names in tables and charts', () => {
    const page = renderLeadershipPage(
      {
        hospital: HOSTILE,
        runId: HOSTILE,
        asOf: '2025-06-30',
        generatedAt: '2025-06-30T08:00:00Z',
        month: '2025-06',
        minResponses: 10,
        index: [{ department: HOSTILE, responses: 20, pct_satisfied: 80, ci_low: 70, ci_high: 90, suppressed: false }],
        measures: [],
        spc: [],
        funnel: [
          { department: HOSTILE, suppressed: false, responses: 20, effective_n: 30, pct_satisfied: 80, target_pct: 85, z_judged: -1, lower_95_pct: 70, upper_95_pct: 95, lower_998_pct: 65, upper_998_pct: 98, below_lower_95: false, above_upper_95: false, below_lower_998: false, above_upper_998: false },
        ],
        trend: [],
        kpis: [],
        kpiTrend: [],
        categoryMonths: [],
        departmentMonths: [{ month: '2025-06', department: HOSTILE, complaints: 3 }],
        topDepartments: 8,
        backlog: [{ department: HOSTILE, open_complaints: 2, past_due: 1 }],
        openCases: [
          {
            clock: 'department',
            department: HOSTILE,
            owner: HOSTILE,
            owner_role: 'head',
            category: 'process',
            received_date: '2025-06-20',
            age_working_days: 6,
            status: 'handling',
            due_date: '2025-06-25',
            escalation_step: 1,
            text_redacted: HOSTILE,
            id: HOSTILE,
          },
        ],
      },
      'en',
    );
    expectEscaped(page);
  });
});
