import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { hospitalSummary, renderGroupView } from '../../dashboards/group-view.ts';
import type { KpiRow, LeadershipPageData } from '../../dashboards/leadership-page.ts';
import type { Warning } from '../../pipeline/warnings/warnings.ts';

const pages = (hospital: string) => ({ issues: `issues.${hospital}.html`, leadership: `leadership.${hospital}.html`, departments: `departments/index.${hospital}.html` });

const kpi = (over: Partial<KpiRow>): KpiRow => ({
  department: 'ALL',
  received: 0,
  responded: 0,
  resolved: 0,
  satisfied: 0,
  satisfaction_answers: 0,
  resolved_within_sla: 0,
  response_rate: null,
  resolution_rate: null,
  satisfaction_rate: null,
  within_sla_rate: null,
  ...over,
});

/** A hospital's leadership-page rows for 2025-05: its ALL rows and one department's, which the group view must ignore. */
function data(hospital: string, received: number, previous: number, extra: Partial<KpiRow> = {}): LeadershipPageData {
  return {
    hospital,
    runId: 'r1',
    asOf: '2025-06-13',
    generatedAt: '2025-06-13T08:00:00Z',
    month: '2025-05',
    minResponses: 10,
    index: [
      { department: 'ALL', responses: 40, pct_satisfied: 87.5, ci_low: 80.1, ci_high: 92.3, suppressed: false },
      { department: '急诊科', responses: 12, pct_satisfied: 50, ci_low: 30, ci_high: 70, suppressed: false },
    ],
    measures: [],
    spc: [],
    funnel: [],
    trend: [],
    kpis: [kpi({ received, responded: received, response_rate: 100, resolution_rate: 50, ...extra }), kpi({ department: '急诊科', received: 1 })],
    kpiTrend: [
      { month: '2025-04', received: previous },
      { month: '2025-05', received },
    ],
    categoryMonths: [],
    departmentMonths: [],
    topDepartments: 8,
    backlog: [
      { department: 'ALL', open_complaints: 4, past_due: 1 },
      { department: '急诊科', open_complaints: 4, past_due: 1 },
    ],
    openCases: [],
  };
}

const warning = (hospital: string, severity: Warning['severity'], status: Warning['status']): Warning =>
  ({ id: `${hospital}-${severity}-${status}`, kind: 'spike', hospital, department: null, severity, status } as Warning);

describe('the group view', () => {
  it('takes each hospital\'s ALL rows: complaints against the month before, backlog, index with its interval', () => {
    const row = hospitalSummary('east', pages('east'), data('east', 3, 1));
    expect(row.kpis?.received).toBe(3);
    expect(row.previousComplaints).toBe(1);
    expect([row.openComplaints, row.pastDue]).toEqual([4, 1]);
    expect(row.index).toEqual({ pct: 87.5, low: 80.1, high: 92.3 });
    // a suppressed index shows no number
    const suppressed = data('east', 3, 1);
    suppressed.index = [{ department: 'ALL', responses: 4, pct_satisfied: null, ci_low: null, ci_high: null, suppressed: true }];
    expect(hospitalSummary('east', pages('east'), suppressed).index).toBeNull();
  });

  it('shows one row per hospital, its open warnings by severity, the practice\'s rates only when the mart has them, no total', () => {
    const rows = [hospitalSummary('east', pages('east'), data('east', 3, 1, { responded_in_time_rate: 66.667, solved_rate: null })), hospitalSummary('west', pages('west'), data('west', 2, 0))];
    const warnings = [warning('east', 'high', 'new'), warning('east', 'high', 'ongoing'), warning('east', 'low', 'resolved'), warning('west', 'medium', 'new')];
    const { document } = parseHTML(`<main>${renderGroupView(rows, warnings, [], 'en').value}</main>`);
    const header = [...document.querySelectorAll('th')].map((th) => th.textContent);
    expect(header).toEqual(['Hospital', 'Complaints', 'Responded in time', 'Response rate', 'Resolution rate', 'Solved', 'Complainant satisfaction', 'Open (overdue)', 'Open warnings (high / medium / low)', 'Satisfaction index']);
    const cells = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    // each hospital's name, then its pages
    expect(cells.map((row) => row[0])).toEqual(['eastindex and rates · issues · departments', 'westindex and rates · issues · departments']);
    expect(cells.map((row) => row.slice(1, 9))).toEqual([
      ['3previous month 1', '66.7%', '100%', '50%', '–', '–', '4 (1)', '2 / 0 / 0'],
      ['2previous month 0', '–', '100%', '50%', '–', '–', '4 (1)', '0 / 1 / 0'],
    ]);
    expect(cells[0]?.[9]).toBe('87.5%80.1% to 92.3%');
    expect(document.querySelector('tfoot')).toBeNull();
    // a dash says why it is there, under the table
    expect(document.querySelector('table + p.meta, .scroll + p.meta')?.textContent).toMatch(/^– : nothing to show for that hospital/);
    expect(renderGroupView(rows, warnings, [], 'zh').value).toContain('<p class="meta">–：该医院当月没有可显示的数字');
    // without the practice's rates in any row, their columns are not shown
    const { document: plain } = parseHTML(`<main>${renderGroupView(rows.slice(1), [], [], 'en').value}</main>`);
    expect([...plain.querySelectorAll('th')].map((th) => th.textContent)).not.toContain('Responded in time');
    // without visits.csv, no rate per visits
    expect(header).not.toContain('Complaints per 1,000 visits');
  });

  it('compares complaints per 1,000 visits where a hospital gives its visits, with the exact interval', () => {
    // east: 10 complaints in 2,000 visits = 5 per 1,000; R: poisson.test(10, 2000)$conf.int * 1000 = 2.397695 9.195178
    const east = data('east', 10, 8);
    east.visitRates = [{ month: '2025-05', received: 10, visits: 2000 }];
    const rows = [hospitalSummary('east', pages('east'), east), hospitalSummary('west', pages('west'), data('west', 2, 0))];
    expect(rows[0]?.perVisits).toEqual({ rate: 5, low: expect.closeTo(2.397695, 5), high: expect.closeTo(9.195178, 5) });
    expect(rows[1]?.perVisits).toBeNull();
    const { document } = parseHTML(`<main>${renderGroupView(rows, [], [], 'en').value}</main>`);
    expect([...document.querySelectorAll('th')].at(-1)?.textContent).toBe('Complaints per 1,000 visits');
    const cells = [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].at(-1)?.textContent);
    expect(cells).toEqual(['52.4 to 9.2', '–']);
    expect(renderGroupView(rows, [], [], 'zh').value).toContain('每千人次就诊投诉数');
  });
});
