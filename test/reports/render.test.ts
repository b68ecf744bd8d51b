import { describe, expect, it } from 'vitest';
import { dailyBulletin, LISTED_CASES, type DailyBulletinData } from '../../dashboards/reports/daily-bulletin.ts';
import type { ReportDocument } from '../../dashboards/reports/document.ts';
import { monthlyAnalysis, type MonthlyAnalysisData } from '../../dashboards/reports/monthly-analysis.ts';
import { renderReportHtml } from '../../dashboards/reports/report-html.ts';
import { markdownInline, markdownLine, renderReportMarkdown } from '../../dashboards/reports/report-markdown.ts';
import { hospitalFileName, reportFileStem, reportScopes } from '../../pipeline/publish/reports/scope.ts';

const HOSTILE = '<img src=x onerror=alert(1)> | **x** [a](javascript:1) `c` &amp;';

const document: ReportDocument = Object.freeze<ReportDocument>({
  language: 'en',
  title: `# ${HOSTILE}`,
  meta: ['1. first'],
  sections: [
    {
      heading: HOSTILE,
      blocks: [
        { kind: 'paragraph', text: `- ${HOSTILE}\nsecond line` },
        { kind: 'table', header: ['a', 'n'], rows: [[HOSTILE, '3']], numeric: [1], unbroken: [] },
        { kind: 'placeholder', text: 'Not yet recorded.' },
      ],
    },
  ],
});

describe('report HTML', () => {
  const html = renderReportHtml(document);
  it('escapes every text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; | **x** [a](javascript:1) `c` &amp;amp;');
  });
  it('prints on A4 and loads nothing', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/https?:\/\/|<script|<link/);
  });
  it('marks placeholders and right-aligns numbers', () => {
    expect(html).toContain('<p class="placeholder">Not yet recorded.</p>');
    expect(html).toContain('<td class="num">3</td>');
  });
});

describe('report Markdown', () => {
  it('escapes inline markup and keeps one line', () => {
    expect(markdownInline(HOSTILE)).toBe('\\<img src=x onerror=alert(1)\\> \\| \\*\\*x\\*\\* \\[a\\](javascript:1) \\`c\\` \\&amp;');
    expect(markdownInline('a\nb\r\nc')).toBe('a b c');
    expect(markdownInline('2025-06-13 33.3%')).toBe('2025-06-13 33.3%');
  });
  it('escapes a line start that would make a heading, list or quote', () => {
    expect(markdownLine('# x')).toBe('\\# x');
    expect(markdownLine('- x')).toBe('\\- x');
    expect(markdownLine('12. x')).toBe('12\\. x');
    expect(markdownLine('> x')).toBe('\\> x');
  });
  it('writes headings, paragraphs, a table and a quoted placeholder', () => {
    const md = renderReportMarkdown(document);
    expect(md.split('\n')).toEqual([
      '# \\# \\<img src=x onerror=alert(1)\\> \\| \\*\\*x\\*\\* \\[a\\](javascript:1) \\`c\\` \\&amp;',
      '',
      '1\\. first',
      '',
      '## \\<img src=x onerror=alert(1)\\> \\| \\*\\*x\\*\\* \\[a\\](javascript:1) \\`c\\` \\&amp;',
      '',
      '\\- \\<img src=x onerror=alert(1)\\> \\| \\*\\*x\\*\\* \\[a\\](javascript:1) \\`c\\` \\&amp; second line',
      '',
      '| a | n |',
      '|---|---:|',
      '| \\<img src=x onerror=alert(1)\\> \\| \\*\\*x\\*\\* \\[a\\](javascript:1) \\`c\\` \\&amp; | 3 |',
      '',
      '> Not yet recorded.',
      '',
    ]);
  });
});

describe('daily bulletin', () => {
  const record = (index: number) => ({
    source: 's', id: `R${index}`, received_at: `2025-06-13 08:${String(index).padStart(2, '0')}`, kind: 'complaint', department: '急诊科',
    category: 'process', channel: 'hotline', location: null, text_redacted: 'x'.repeat(200),
  });
  const data: DailyBulletinData = { day: '2025-06-13', hospital: 'Bệnh viện A', records: Array.from({ length: LISTED_CASES + 2 }, (_, i) => record(i)), newlyOverdue: [], overdueByDepartment: [], opened: [] };

  it('lists 30 complaints, counts the rest, and cuts long texts', () => {
    const md = renderReportMarkdown(dailyBulletin(data, 'en'));
    expect(md).toContain('| Complaints | 32 |');
    expect(md.match(/^\| 08:/gm)).toHaveLength(LISTED_CASES);
    expect(md).toContain('… and 2 more: see data/feedback.csv.');
    expect(md).toContain(`| ${'x'.repeat(159)}… |`);
    expect(md).toContain('Hospital: Bệnh viện A.');
  });

  it('lists sentinel events with their record apart from the other new warnings', () => {
    const warning = { department: '急诊科', category: null, location: null, first_keyword: null, first_evidence_id: null, sentinel_text: null, first_as_of: '2025-06-13', resolved_as_of: null };
    const opened = [
      { ...warning, id: 'W-s', kind: 'sentinel', location: 'Ward 3', first_evidence_id: 'F9', sentinel_text: '患者跌倒 | 骨折' },
      { ...warning, id: 'W-t', kind: 'emerging_term', first_keyword: '停车' },
    ];
    const md = renderReportMarkdown(dailyBulletin({ ...data, hospital: null, opened }, 'en'));
    expect(md).toContain('| 急诊科 | Ward 3 | 患者跌倒 \\| 骨折 | F9 |');
    expect(md).toContain('| New issue emerging | 急诊科 · “停车” | W-t |');
    expect(md).not.toContain('W-s');
    expect(md).not.toContain('Hospital:');
  });

  it('speaks the site language', () => {
    expect(renderReportMarkdown(dailyBulletin(data, 'vi'))).toContain('# Bản tin ngày 13/06/2025');
    expect(renderReportMarkdown(dailyBulletin(data, 'zh'))).toContain('| 投诉 | 32 |');
  });
});

describe('monthly analysis', () => {
  const data: MonthlyAnalysisData = {
    month: '2025-03', start: '2025-03-01', end: '2025-03-31', hospital: null, firstMonth: '2024-01',
    counts: [
      { month: '2025-03', breakdown: 'category', value: 'process', complaints: 12 },
      { month: '2025-02', breakdown: 'category', value: 'process', complaints: 9 },
      { month: '2024-03', breakdown: 'category', value: 'process', complaints: 15 },
      { month: '2025-03', breakdown: 'category', value: 'cost', complaints: 2 },
      { month: '2025-03', breakdown: 'channel', value: 'gov_hotline', complaints: 14 },
    ],
    issues: [],
    satisfaction: [
      { month: '2025-03', patient_type: 'all', dimension: 'D', responses: 40, pct_satisfied: 81.25, suppressed: false },
      { month: '2025-02', patient_type: 'all', dimension: 'D', responses: 3, pct_satisfied: null, suppressed: true },
    ],
    rates: [{ month: '2025-03', response_rate: 50, resolution_rate: null, satisfaction_rate: 100, within_sla_rate: 75, solved_rate: 60 }],
    warnings: [
      { id: 'W1', kind: 'spike', department: '急诊科', category: 'process', location: null, first_keyword: null, first_evidence_id: null, sentinel_text: null, first_as_of: '2025-02-24', resolved_as_of: '2025-03-10' },
      { id: 'W2', kind: 'hotspot', department: null, category: null, location: 'car park', first_keyword: null, first_evidence_id: null, sentinel_text: null, first_as_of: '2025-03-17', resolved_as_of: null },
      { id: 'W3', kind: 'spike', department: '急诊科', category: 'cost', location: null, first_keyword: null, first_evidence_id: null, sentinel_text: null, first_as_of: '2025-04-07', resolved_as_of: null },
    ],
    // score 4 × 20 × √4 × (1 + 0.25) = 200; the runner-up 2 × 9 × √1 × 1 = 18
    topics: [
      {
        rank: 1, theme: '排队, 挂号', score: 200, months_recurring: 4, records: 20, departments_touched: 4, quality_share: 0.25,
        trend: [{ month: '2025-01', records: 6 }, { month: '2025-03', records: 20 }],
        departments: ['门诊部 (12)', '急诊科 (5)'], locations: ['挂号窗口 (9)'], quotes: ['排队两个小时才挂上号'], earlier_fix_failed: true,
      },
      { rank: 2, theme: '停车', score: 18, months_recurring: 2, records: 9, departments_touched: 1, quality_share: 0, trend: [], departments: [], locations: [], quotes: [], earlier_fix_failed: false },
    ],
    // R: poisson.test(c(3, 12), c(70, 84)) → rate ratio 0.3, 95% CI 0.0543 1.1117: not clear yet
    fixes: [
      {
        hospital: 'h', warning_id: null, department: '急诊科', departments: ['急诊科'], category: 'process', location: null, keywords: ['排队'], fixed_on: '2025-01-06',
        reviewed_on: '2025-03-31', is_current: false, action: '增开两个挂号窗口', before_start: '2024-10-14', before_end: '2025-01-05',
        after_start: '2025-01-20', after_end: '2025-03-31', after_window_end: '2025-04-13', before_days: 84, after_days: 71,
        before_complaints: 12, after_complaints: 3, season_adjusted: false, expected_ratio: null, rate_ratio: 0.2957746, ci_low: 0.0535626, ci_high: 1.0961013,
        verdict: 'unclear', judge_from: '2025-02-16', reopens: false,
      },
    ],
  };
  const md = renderReportMarkdown(monthlyAnalysis(data, 'en'));

  it('proposes the month’s topic with its reasons, trend, places, quotes and the runners-up', () => {
    expect(md).toContain('Proposed for a focused fix this month: 排队, 挂号.');
    expect(md).toContain('A high-frequency theme in 4 of the last 6 months; 20 records this month from 4 departments, 25% of them about medical quality and safety (score 200).');
    expect(md).toContain('| 2025-01 | 6 |');
    expect(md).toContain('Departments most affected: 门诊部 (12), 急诊科 (5). Places: 挂号窗口 (9).');
    expect(md).toContain('“排队两个小时才挂上号”');
    expect(md).toContain('An earlier fix of this issue did not lower its complaints.');
    expect(md).toContain('Next in line: 停车 (18).');
  });

  it('lists the fixes under review with their verdict at the month’s end', () => {
    expect(md).toContain('急诊科 · process · “排队” · Fixed on 2025-01-06 · Done: 增开两个挂号窗口');
    expect(md).toContain('Not clear yet: complaints have not clearly fallen. 12 complaints in the 84 days before 2025-01-06; 3 in the 71 days from 2025-01-20 (the first 14 days after the fix are not counted); rate ratio after/before 0.30, 95% interval 0.05–1.10, not adjusted for the season (less than a year of history).');
    const none = renderReportMarkdown(monthlyAnalysis({ ...data, topics: [], fixes: [] }, 'zh'));
    expect(none).toContain('本月无可提议的反复出现问题');
    expect(none).toContain('本月无复查中的整改');
  });

  it('compares with the month before and the same month a year before', () => {
    expect(md).toContain('Complaints in 2025-03: 14 (month before 9, same month last year 15).');
    expect(md).toContain('| process | 12 | 9 (+3) | 15 (−3) |');
    expect(md).toContain('| cost | 2 | 0 (new) | 0 (new) |');
    expect(md).toContain('| Government hotline (12345) | 14 | 0 (new) | 0 (new) |');
  });

  it('shows a section’s satisfaction, blank where suppressed', () => {
    expect(md).toContain('| D. Staff attitude and competence | All | 40 | 81.3% | – |');
  });

  it('shows the rates the kpis mart has, and only those', () => {
    expect(md).toContain('| Closure rate | – | – | – |');
    expect(md).toContain('| Problem solved (follow-up call) | 60% | – | – |');
    expect(md).not.toContain('Responded within the time limit');
  });

  it('counts the warnings opened, closed and open at the end of the month', () => {
    expect(md).toContain('1 opened and 1 closed in the month; 1 open at its end.');
    expect(md).toContain('| Complaints rising sharply | 急诊科 · process | 24 Feb 2025 | 10 Mar 2025 |');
    expect(md).toContain('| Complaint hotspot | Whole hospital · car park | 17 Mar 2025 |   |');
    expect(md).not.toContain('W3');
  });
});

describe('scopes and file names', () => {
  it('adds the hospital to file names only when there are several', () => {
    expect(reportScopes([])).toEqual([{ hospital: null }]);
    expect(reportScopes(['A'])).toEqual([{ hospital: null }]);
    expect(reportScopes(['vn', 'cn'])).toEqual([{ hospital: 'cn' }, { hospital: 'vn' }]);
    expect(reportFileStem('2025-W24', { hospital: null })).toBe('2025-W24');
    expect(reportFileStem('2025-06', { hospital: 'Bệnh viện Đa khoa' })).toBe('2025-06.Bệnh-viện-Đa-khoa');
  });

  it('keeps a hospital name from leaving the folder or hiding the file', () => {
    expect(hospitalFileName('../../etc')).toBe('etc');
    expect(hospitalFileName('北京 / 朝阳院区')).toBe('北京-朝阳院区');
    expect(hospitalFileName('..')).toMatch(/^h-[0-9a-f]{10}$/);
  });
});
