import { describe, expect, it } from 'vitest';
import type { SatisfactionTrendRow } from '../../dashboards/charts/satisfaction-chart.ts';
import {
  renderLeadershipPage,
  type FunnelRow,
  type IndexRow,
  type KpiRow,
  type LeadershipPageData,
  type MeasureRow,
  type SpcRow,
} from '../../dashboards/leadership-page.ts';
import { deepFreeze } from '../statistics/vectors.ts';

const SCRIPT = '<script>alert(1)</script>';

const index = (department: string, over: Partial<IndexRow> = {}): IndexRow => ({
  department,
  responses: 120,
  pct_satisfied: 91.13,
  ci_low: 90.2,
  ci_high: 92.0,
  suppressed: false,
  ...over,
});

const measure = (department: string, over: Partial<MeasureRow> = {}): MeasureRow => ({
  department,
  comprehensive_pct: 46.7,
  comprehensive_ci_low: 44.1,
  comprehensive_ci_high: 49.3,
  nps: -5.25,
  nps_ci_low: -12.3,
  nps_ci_high: 2.1,
  suppressed: false,
  ...over,
});

const spcPoint = (department: string, month: string, over: Partial<SpcRow> = {}): SpcRow => ({
  department,
  month,
  suppressed: false,
  pct_satisfied: 88,
  mean_pct: 88.6,
  lower_limit_pct: 86.9,
  upper_limit_pct: 90.4,
  special_cause_type: 'Common Cause',
  point_type: 'common_cause',
  rule_shift: false,
  rule_trend: false,
  rule_two_in_three: false,
  trial_limits: false,
  ...over,
});

const funnelPoint = (department: string, over: Partial<FunnelRow> = {}): FunnelRow => ({
  department,
  suppressed: false,
  responses: 66,
  effective_n: 180.5,
  pct_satisfied: 85.36,
  lower_95_pct: 87.4,
  upper_95_pct: 95.1,
  lower_998_pct: 85.9,
  upper_998_pct: 96.3,
  target_pct: 91.51,
  z_judged: -3.114,
  below_lower_95: true,
  above_upper_95: false,
  below_lower_998: true,
  above_upper_998: false,
  ...over,
});

const kpi = (department: string, over: Partial<KpiRow> = {}): KpiRow => ({
  department,
  received: 935,
  responded: 935,
  resolved: 865,
  satisfied: 560,
  satisfaction_answers: 674,
  resolved_within_sla: 829,
  response_rate: 100,
  resolution_rate: 92.51336898395722,
  satisfaction_rate: 83.0860534124629,
  within_sla_rate: 95.83815028901734,
  ...over,
});

const trendPoint = (month: string, over: Partial<SatisfactionTrendRow> = {}): SatisfactionTrendRow => ({
  month,
  responses: 1427,
  suppressed: false,
  pct_satisfied: 88,
  ci_low: 87.1,
  ci_high: 89.2,
  mean_pct: 88.6,
  lower_limit_pct: 86.9,
  upper_limit_pct: 90.4,
  point_type: 'common_cause',
  ...over,
});

/** Hand-made mart rows for 2026-10: the whole hospital, a department, one below the floor, one named to break HTML. */
function sample(): LeadershipPageData {
  return deepFreeze({
    hospital: 'Bệnh viện A',
    runId: 'run-1',
    asOf: '2026-11-15',
    generatedAt: '2026-11-15T09:00:00+07:00',
    month: '2026-10',
    minResponses: 10,
    index: [
      index('Khoa Nhi', { responses: 66, pct_satisfied: 85.36, ci_low: 80.04, ci_high: 89.5 }),
      index('Khoa Mắt', { responses: 7, pct_satisfied: null, ci_low: null, ci_high: null, suppressed: true }),
      index('ALL', { responses: 1427 }),
      index(SCRIPT, { responses: 12 }),
    ],
    measures: [
      measure('ALL'),
      measure('Khoa Nhi'),
      measure('Khoa Mắt', { comprehensive_pct: null, comprehensive_ci_low: null, comprehensive_ci_high: null, nps: null, nps_ci_low: null, nps_ci_high: null, suppressed: true }),
      measure(SCRIPT, { nps: null, nps_ci_low: null, nps_ci_high: null }),
    ],
    spc: [
      spcPoint('ALL', '2026-10', { pct_satisfied: 91.13, special_cause_type: 'Above UCL', point_type: 'special_cause_improvement', rule_shift: true }),
      spcPoint('Khoa Nhi', '2026-10', { pct_satisfied: 85.36, special_cause_type: 'Below LCL', point_type: 'special_cause_concern', rule_shift: true }),
      spcPoint('Khoa Mắt', '2026-10', { suppressed: true, pct_satisfied: null, mean_pct: null, lower_limit_pct: null, upper_limit_pct: null, special_cause_type: null, point_type: null }),
      // below its lower limit, yet the mart says common cause: the page must say what the mart says
      spcPoint(SCRIPT, '2026-10', { pct_satisfied: 80, special_cause_type: 'Common Cause', trial_limits: true }),
    ],
    funnel: [funnelPoint('Khoa Nhi'), funnelPoint('Khoa Mắt', { suppressed: true, z_judged: null }), funnelPoint(SCRIPT, { z_judged: 0.5, below_lower_95: false, below_lower_998: false })],
    trend: [
      trendPoint('2026-08', { pct_satisfied: 86.5, point_type: 'special_cause_concern' }),
      trendPoint('2026-09', { suppressed: true, pct_satisfied: null }),
      trendPoint('2026-10', { pct_satisfied: 91.13, point_type: 'special_cause_improvement' }),
    ],
    kpiTrend: [
      { month: '2026-09', response_rate: 98.5, resolution_rate: 90, satisfaction_rate: 80, within_sla_rate: null },
      { month: '2026-10', response_rate: 100, resolution_rate: 92.51336898395722, satisfaction_rate: 83.0860534124629, within_sla_rate: 95.83815028901734 },
    ],
    categoryMonths: [
      { month: '2026-09', category: 'process', complaints: 500 },
      { month: '2026-10', category: 'process', complaints: 600 },
      { month: '2026-10', category: 'attitude', complaints: 335 },
    ],
    departmentMonths: [
      { month: '2026-10', department: 'Khoa Nhi', complaints: 4 },
      { month: '2026-10', department: SCRIPT, complaints: 1 },
    ],
    topDepartments: 8,
    kpis: [kpi('Khoa Nhi', { received: 4, responded: 3, resolved: 0, satisfied: 0, satisfaction_answers: 0, resolved_within_sla: 0, response_rate: 75, resolution_rate: 0, satisfaction_rate: null, within_sla_rate: null }), kpi('ALL'), kpi(SCRIPT, { received: 1, responded: 1, resolved: 1, satisfied: 1, satisfaction_answers: 1, resolved_within_sla: 1, response_rate: 100, resolution_rate: 100, satisfaction_rate: 100, within_sla_rate: 100 })],
    backlog: [
      { department: 'ALL', open_complaints: 2240, past_due: 2110 },
      { department: 'Phòng Hành chính', open_complaints: 3, past_due: 1 },
    ],
    openCases: [
      {
        clock: 'department', department: 'Khoa Nhi', owner: null, owner_role: 'supervising_leader', category: 'process', received_date: '2026-10-01',
        age_working_days: 30, status: 'escalated', due_date: '2026-10-06', escalation_step: 3, text_redacted: SCRIPT, id: 'C1',
      },
      {
        clock: 'department', department: SCRIPT, owner: SCRIPT, owner_role: 'head', category: null, received_date: '2026-11-14',
        age_working_days: 0, status: null, due_date: '2026-11-19', escalation_step: 0, text_redacted: 'chờ lâu', id: SCRIPT,
      },
      {
        clock: 'reported_upward', department: 'Khoa Nhi', owner: null, owner_role: 'head', category: 'cost', received_date: '2026-10-20',
        age_working_days: 19, status: 'referred', due_date: null, escalation_step: 0, text_redacted: 'BHYT', id: 'C3',
      },
    ],
  });
}

/** The tables of the page outside its charts, each as rows of cell texts (tags dropped, entities kept). */
function tables(html: string): string[][][] {
  return [...html.replace(/<figure class="chart">[\s\S]*?<\/figure>\n/g, '').matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].map((body) =>
    [...(body[1] ?? '').matchAll(/<tr(?: data-row="\d+")?>([\s\S]*?)<\/tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => (cell[1] ?? '').replace(/<br>/g, ' ').replace(/<[^>]+>/g, '')),
    ),
  );
}

describe('renderLeadershipPage', () => {
  const html = renderLeadershipPage(sample(), 'en');
  const [satisfaction = [], complaints = []] = tables(html);
  const row = (rows: string[][], department: string) => rows.find((cells) => cells[0] === department) ?? [];

  it('shows the whole hospital first in both tables, then the departments in order', () => {
    expect(satisfaction.map((cells) => cells[0])).toEqual(['Whole hospital', '&lt;script&gt;alert(1)&lt;/script&gt;', 'Khoa Mắt', 'Khoa Nhi']);
    expect(complaints.map((cells) => cells[0])).toEqual(['Whole hospital', '&lt;script&gt;alert(1)&lt;/script&gt;', 'Khoa Nhi', 'Phòng Hành chính']);
  });

  it('says "too few responses" for a suppressed department and shows no number of it at all', () => {
    const cells = row(satisfaction, 'Khoa Mắt');
    expect(cells).toContain('too few responses');
    expect(cells.slice(1).join(' ')).not.toMatch(/\d/);
  });

  it('formats the index, the measures and their intervals as the marts give them', () => {
    // mart values 91.13 [90.2, 92.0] → one decimal each, the interval's trailing zero kept
    expect(row(satisfaction, 'Whole hospital').slice(1, 5)).toEqual(['1,427', '91.1% 90.2 to 92.0', '46.7% 44.1 to 49.3', '-5.3 -12.3 to 2.1']);
    // an NPS left blank by the mart (too few answers to recommend) is not a number either
    expect(row(satisfaction, '&lt;script&gt;alert(1)&lt;/script&gt;')[4]).toBe('too few responses');
  });

  it('puts the control-chart signal and the funnel position into words', () => {
    expect(row(satisfaction, 'Whole hospital')[5]).toBe('above the upper limit (improvement); also run of 7 above the mean');
    expect(row(satisfaction, 'Khoa Nhi')[5]).toBe('below the lower limit (concern); also run of 7 below the mean');
    expect(row(satisfaction, 'Khoa Nhi')[6]).toBe('below the 99.8% limit z = -3.11');
    expect(row(satisfaction, 'Whole hospital')[6]).toBe('funnel centre 91.5%');
    expect(row(satisfaction, 'Khoa Mắt')[6]).toBe('');
  });

  it('never re-judges a point: a common-cause month below its limit stays common cause', () => {
    expect(row(satisfaction, '&lt;script&gt;alert(1)&lt;/script&gt;')[5]).toBe('no special cause; limits provisional (short series)');
  });

  it('shows each complaint rate with its counts, blank without a denominator, and the backlog', () => {
    expect(row(complaints, 'Whole hospital')).toEqual([
      'Whole hospital',
      '935',
      '100.0% 935 of 935',
      '92.5% 865 of 935',
      '83.1% 560 of 674',
      '95.8% 829 of 865',
      '2,110 of 2,240',
    ]);
    expect(row(complaints, 'Khoa Nhi').slice(1)).toEqual(['4', '75.0% 3 of 4', '0.0% 0 of 4', '–', '–', '–']);
    expect(row(complaints, 'Phòng Hành chính').slice(1)).toEqual(['–', '–', '–', '–', '–', '1 of 3']);
  });

  it('escapes a department name that holds markup, everywhere', () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toMatch(/<script/i);
    // in both tables, and in the charts of the funnel and of complaints by department
    expect(html.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBeGreaterThan(2);
  });

  it('draws the hospital-wide index, the funnel, the rates and the complaints as charts with text alternatives', () => {
    const captions = [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((match) => match[1]);
    expect(captions).toEqual([
      'Whole hospital: satisfaction index by month',
      'Departments on a funnel plot, Oct 2026',
      'Whole hospital: complaint handling rates by month',
      'Whole hospital: complaints by category and month',
      'Complaints by month in the 8 departments with the most',
    ]);
    expect(html.match(/<svg role="img"[^>]*aria-label="[^"]+"/g)).toHaveLength(5);
    expect(html.match(/<desc>/g)).toHaveLength(5);
    expect(html).toContain('In all: process 1,100 and attitude 335.');
  });

  it('links back to the first page and says when and from what data it was built', () => {
    expect(html).toContain('<a href="index.html">');
    expect(html).toContain('Built <time datetime="2026-11-15T09:00:00+07:00">15 Nov 2026, 09:00 (+07:00)</time> from the data up to <time datetime="2026-11-15">15 Nov 2026</time>.');
    expect(html).toContain('<html lang="en">');
  });

  it('speaks Chinese and Vietnamese, numbers written their way', () => {
    const zh = renderLeadershipPage(sample(), 'zh');
    expect(zh).toContain('患者满意度指数');
    expect(row(tables(zh)[0] ?? [], 'Khoa Mắt')).toContain('回答人数过少');
    expect(row(tables(zh)[0] ?? [], '全院')[5]).toBe('高于控制上限 (改进); 同时连续 7 个月高于均值');
    const vi = renderLeadershipPage(sample(), 'vi');
    expect(vi).toContain('Chỉ số hài lòng người bệnh');
    expect(row(tables(vi)[0] ?? [], 'Toàn bệnh viện').slice(1, 3)).toEqual(['1.427', '91,1% 90,2 đến 92,0']);
    expect(row(tables(vi)[0] ?? [], 'Khoa Mắt')).toContain('quá ít người trả lời');
  });

  it('says so when no one answered a survey in the month, and still shows the whole hospital', () => {
    const empty = renderLeadershipPage(deepFreeze({ ...sample(), index: [], measures: [], spc: [], funnel: [], trend: [] }), 'en');
    expect(empty).toContain('No survey response in <time datetime="2026-10">Oct 2026</time>.');
    expect(empty).toContain('Too few months with enough responses to draw a chart.');
    expect(tables(empty)[0]?.[0]?.[0]).toBe('Whole hospital');
  });

  it('labels every number of both tables for a phone’s cards, the headers in markup too', () => {
    const html = renderLeadershipPage(sample(), 'en');
    const labels = (n: number) => [...(html.split('<table class="stack">')[n] ?? '').split('</tr>')[1]!.matchAll(/data-label="([^"]*)"/g)].map((match) => match[1]);
    expect(labels(1)).toEqual(['Department', 'Respondents', 'Satisfaction index', expect.any(String), expect.any(String), expect.any(String), expect.any(String)]);
    expect(labels(2).at(-1)).toBe('Past due / open on 15 Nov 2026');
  });

  it('says a hospital has no surveys at all, in every language, instead of too few months or an empty table', () => {
    const none = deepFreeze({ ...sample(), index: [], measures: [], spc: [], funnel: [], trend: [], sectionTrend: [], surveyed: false });
    const satisfaction = (language: 'en' | 'zh' | 'vi') => renderLeadershipPage(none, language).split('<h2>')[1] ?? '';
    expect(satisfaction('en')).toContain('This hospital has no survey responses, so it has no satisfaction index');
    expect(satisfaction('zh')).toContain('本院没有问卷回答，因此没有满意度指数');
    expect(satisfaction('vi')).toContain('Bệnh viện này chưa có phiếu khảo sát nào');
    for (const language of ['en', 'zh', 'vi'] as const) {
      expect(satisfaction(language)).not.toMatch(/<table|<svg|Too few months|太少|Quá ít/);
    }
  });
});
describe('the open-case list on the leadership page', () => {
  // the open-case list's two tables: the department cases, then those reported upward
  const [cases = [], upward = []] = tables(renderLeadershipPage(sample(), 'en').split('<h2>Open complaints on')[1] ?? '');

  it('lists the department cases in the order of the mart, escaped, naming the role where the table names no one', () => {
    expect(cases).toEqual([
      ['6 Oct 2026', 'Khoa Nhi', 'the supervising leader', 'process', '1 Oct 2026', '30', 'escalated', '3', '&lt;script&gt;alert(1)&lt;/script&gt; C1'],
      ['19 Nov 2026', '&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;script&gt;alert(1)&lt;/script&gt;', '–', '14 Nov 2026', '0', '–', '–', 'chờ lâu &lt;script&gt;alert(1)&lt;/script&gt;'],
    ]);
  });

  it('lists the referred ones apart, with no due date', () => {
    expect(upward).toEqual([['–', 'Khoa Nhi', 'the department head', 'cost', '20 Oct 2026', '19', 'referred', '–', 'BHYT C3']]);
  });
});
