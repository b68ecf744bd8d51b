import { describe, expect, it } from 'vitest';
import { departmentSlug, renderDepartmentIndex, renderDepartmentPage, type DepartmentPack } from '../../dashboards/department-page.ts';
import type { Warning } from '../../pipeline/warnings/warnings.ts';
import { deepFreeze } from '../statistics/vectors.ts';

const SCRIPT = '<script>alert(1)</script>';

const warning = (id: string, over: Partial<Warning> = {}): Warning => ({
  id,
  kind: 'sla_breach',
  hospital: 'jiangzhou',
  run_id: 'run-1',
  department: '急诊科',
  category: null,
  location: null,
  keywords: [],
  period_start: '2025-06-02',
  period_end: '2025-06-30',
  observed: 4,
  expected: 0,
  method: 'working-day SLA',
  severity: 'medium',
  status: 'new',
  evidence_ids: ['F1', 'F2'],
  evidence: [{ source: 'hotline', id: 'F1' }, { source: 'hotline', id: 'F2' }],
  summary: `summary of ${id}`,
  suggested_action: `action of ${id}`,
  due_date: '2025-07-01',
  ...over,
});

/** A spike with every detector field, its quotes holding markup and more quotes than are shown. */
const spike = warning('W-spike', {
  kind: 'spike',
  category: 'process',
  location: 'A&E entrance',
  keywords: ['排队', '挂号窗口'],
  observed: 12,
  expected: 3.14,
  upperbound: 8.5,
  baseline_start: '2024-12-02',
  baseline_end: '2025-05-25',
  method: 'farrington_flexible',
  severity: 'high',
  q_value: 0.0004,
  quotes: [`排队两个小时 ${SCRIPT}`, 'q2', 'q3', 'q4', 'q5', 'q6 not shown'],
  signals: [
    { kind: 'spike', cell: ['department', '急诊科', 'process'], observed: 12, expected: 3.14, upperbound: 8.5, p_value: 0.0001, q_value: 0.0004, method: 'farrington_flexible' },
    { kind: 'hotspot', cell: ['location', 'A&E entrance'], observed: 7, expected: 2, upperbound: null, p_value: 0.01, q_value: 0.0312, method: 'ears_c2' },
  ],
  // two systems' records of one id: only the pair tells them apart
  evidence_ids: ['F1', 'F1', 'F9'],
  evidence: [{ source: 'hospital_hotline', id: 'F1' }, { source: 'gov_12345', id: 'F1' }, { source: 'gov_12345', id: 'F9' }],
});

const pack = (warnings: Warning[], over: Partial<DepartmentPack> = {}): DepartmentPack =>
  deepFreeze({
    hospital: '江州市第一人民医院',
    department: '急诊科',
    as_of: '2025-06-30',
    generated_at: '2025-06-30T12:00:00+08:00',
    warnings,
    kpis: { month: '2025-05', received: 40, response_rate: 97.5, resolution_rate: 90, within_sla_rate: null },
    ...over,
  });

/** The warning headings (h3) and section headings (h2) in the order the page shows them. */
const headings = (html: string) => [...html.matchAll(/<h([23])>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`);
const ids = (html: string) => [...html.matchAll(/<section id="warning-(W-[a-z-]+)"/g)].map((m) => m[1]);

describe('renderDepartmentPage', () => {
  const full = pack([
    warning('W-ongoing-high', { status: 'ongoing', severity: 'high' }),
    warning('W-resolved', { status: 'resolved', severity: 'high' }),
    warning('W-new-low', { severity: 'low' }),
    spike,
  ]);
  const html = renderDepartmentPage(full, 'en');

  it('lists open warnings first, new before ongoing and the most severe first, then those resolved', () => {
    expect(ids(html)).toEqual(['W-spike', 'W-new-low', 'W-ongoing-high', 'W-resolved']);
    const sections = headings(html).filter((h) => h.startsWith('h2'));
    expect(sections).toEqual(['h2 Open warnings', 'h2 Resolved in this run', 'h2 Complaints received in <time datetime="2025-05">May 2025</time>']);
  });

  it('shows what to do, by when, and the evidence', () => {
    expect(html).toContain('<h3>Complaints rising sharply</h3>');
    expect(html).toContain('Severity: <strong>High</strong> · Status: New · Period: <time datetime="2025-06-02">2 Jun 2025</time> to <time datetime="2025-06-30">30 Jun 2025</time>');
    // what happened and what to do, worded from the warning's fields in the page's language
    expect(html).toContain('<p>急诊科 · process: 12 complaints in the week of 2 Jun 2025, against 3.1 expected (alarm above 8.5). Rising: 排队, 挂号窗口.</p>');
    expect(html).toContain('<strong>What to do: </strong>Process problem: the department finds the broken step');
    expect(html).toContain('<strong>Due by: </strong><time datetime="2025-07-01">1 Jul 2025</time>');
    expect(html).toContain('<strong>Keywords: </strong>排队, 挂号窗口');
    expect(html).toContain('<strong>Category: </strong>process');
    expect(html).toContain('<strong>Location: </strong>A&amp;E entrance');
    expect(html).toContain('<li>Observed 12, expected 3.1</li><li>Alert threshold 8.5</li><li>Baseline <time datetime="2024-12-02">2 Dec 2024</time> to <time datetime="2025-05-25">25 May 2025</time></li>');
    expect(html).toContain('<strong>q (Benjamini–Hochberg): </strong>&lt; 0.001');
    expect(html).toContain('<summary>Records behind it: 3</summary><p><small>hospital_hotline · F1, gov_12345 · F1, gov_12345 · F9</small></p>');
    // a warning logged before the pairs were kept shows its ids
    const legacy = renderDepartmentPage(pack([{ ...spike, evidence: [] }]), 'en');
    expect(legacy).toContain('<summary>Records behind it: 3</summary><p><small>F1, F1, F9</small></p>');
    // an SLA breach has no bound, baseline or quotes, and its count is the days overdue its summary gives: nothing is shown for them
    expect(html).toContain('<ul><li><strong>Method: </strong>time limit in working days</li></ul>\n<details>');
    expect(renderDepartmentPage(pack([warning('W-b')]), 'zh')).toContain('<li><strong>方法：</strong>按工作日计算的办理时限</li>');
  });

  it('shows at most five quotes and every signal as a table row', () => {
    expect(html.match(/<blockquote>/g)).toHaveLength(5);
    expect(html).not.toContain('q6 not shown');
    const rows = [...html.matchAll(/<tr><td>(.*?)<\/tr>/g)].map((m) => m[1]);
    expect(rows[0]).toBe(
      'Complaints rising sharply</td><td>急诊科 · process</td><td class="num">12</td><td class="num">3.1</td><td class="num">8.5</td><td class="num">&lt; 0.001</td><td>farrington_flexible</td>',
    );
    expect(rows[1]).toContain('<td>A&amp;E entrance</td><td class="num">7</td><td class="num">2</td><td class="num">–</td><td class="num">0.031</td>');
  });

  it('shows the complaint numbers of the latest complete month', () => {
    expect(rows(html).at(-1)).toEqual(['40', '97.5%', '90%', '–']);
  });

  it('escapes markup in a quote, the department name and the texts', () => {
    const hostile = renderDepartmentPage(pack([warning('W-x', { summary: SCRIPT, suggested_action: SCRIPT, keywords: [SCRIPT] }), spike], { department: SCRIPT }), 'en');
    expect(hostile).not.toMatch(/<script/i);
    // title, h1, summary (kept as written: a breach without its case), keywords and the quote; the action is worded from the kind
    expect(hostile.split('&lt;script&gt;alert(1)&lt;/script&gt;').length - 1).toBe(5);
  });

  it('says plainly when there is no open warning, and shows no empty section', () => {
    const empty = renderDepartmentPage(pack([], { kpis: null }), 'en');
    expect(empty).toContain('<p><strong>No open warnings.</strong></p>');
    expect(headings(empty)).toEqual(['h2 Open warnings']);
    expect(empty).toContain('Built <time datetime="2025-06-30T12:00:00+08:00">30 Jun 2025, 12:00 (+08:00)</time> from the data up to <time datetime="2025-06-30">30 Jun 2025</time>.');
    const onlyResolved = renderDepartmentPage(pack([warning('W-resolved', { status: 'resolved' })]), 'en');
    expect(onlyResolved).toContain('No open warnings.');
    expect(ids(onlyResolved)).toEqual(['W-resolved']);
  });

  it('speaks Chinese and Vietnamese', () => {
    const zh = renderDepartmentPage(full, 'zh');
    expect(zh).toContain('<html lang="zh">');
    expect(zh).toContain('<title>预警包：急诊科</title>');
    expect(zh).toContain('<h3>投诉量骤增</h3>');
    expect(zh).toContain('严重程度：<strong>高</strong> · 状态：新发');
    expect(renderDepartmentPage(pack([]), 'zh')).toContain('目前没有待处理的预警。');
    const vi = renderDepartmentPage(full, 'vi');
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('<h3>Khiếu nại tăng đột biến</h3>');
    expect(vi).toContain('<li>Thực tế 12, dự kiến 3,1</li><li>Ngưỡng cảnh báo 8,5</li>');
    expect(renderDepartmentPage(pack([]), 'vi')).toContain('Không có cảnh báo nào đang mở.');
  });
});

/** The body rows of every table in a page, as cell texts. */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr(?: data-row="\d+")?>(<td.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1] ?? ''));
}

describe('renderDepartmentIndex', () => {
  const data = deepFreeze({
    hospital: null,
    runId: 'run-1',
    asOf: '2025-06-30',
    generatedAt: '2025-06-30T12:00:00+08:00',
    packs: [
      { slug: 'cardiology-zh', pack: pack([], { department: '心血管内科' }) },
      { slug: 'emergency-zh', pack: pack([spike, warning('W-a'), warning('W-b', { status: 'resolved', severity: 'high' })]) },
      { slug: 'd-dc51781c1c', pack: pack([warning('W-c', { severity: 'high', department: '睡眠医学中心' })], { department: '睡眠医学中心' }) },
    ],
    hospitalWide: [warning('W-hospital', { kind: 'satisfaction_drop', department: null, observed: 81.25, expected: 88 })],
  });
  const html = renderDepartmentIndex(data, 'en');

  it('counts each department’s open warnings by severity, the most severe first, linking to its page and JSON', () => {
    expect(rows(html).slice(0, 3)).toEqual([
      ['<a href="emergency-zh.html">急诊科</a>', '1', '1', '0', '<a href="emergency-zh.json">JSON</a>'],
      ['<a href="d-dc51781c1c.html">睡眠医学中心</a>', '1', '0', '0', '<a href="d-dc51781c1c.json">JSON</a>'],
      ['<a href="cardiology-zh.html">心血管内科</a>', '0', '0', '0', '<a href="cardiology-zh.json">JSON</a>'],
    ]);
  });

  it('shows the hospital-wide warnings in their own section', () => {
    expect(headings(html)).toEqual(['h2 Hospital-wide warnings', 'h3 Patient satisfaction fell']);
    expect(html).toContain('Observed 81.3%, expected 88%');
    expect(ids(html)).toEqual(['W-hospital']);
    const none = renderDepartmentIndex({ ...data, hospitalWide: [] }, 'vi');
    expect(none).toContain('Không có cảnh báo toàn bệnh viện.');
    expect(renderDepartmentIndex({ ...data, packs: [] }, 'zh')).toContain('截至 <time datetime="2025-06-30">2025年6月30日</time> 的 12 个月内没有科室有反馈记录或预警。');
  });
});

describe('departmentSlug', () => {
  it('is the code and the language of the name: one code names a department in each language', () => {
    expect(departmentSlug('急诊科', 'emergency', 'zh')).toBe('emergency-zh');
    expect(departmentSlug('Khoa Cấp cứu', 'emergency', 'vi')).toBe('emergency-vi');
  });

  it('is d- and a digest of the name for a name without a code, or a code unsafe as a file name', () => {
    // printf '睡眠医学中心' | sha256sum → dc51781c1c7e793b…
    expect(departmentSlug('睡眠医学中心', null, null)).toBe('d-dc51781c1c');
    // printf '<script>alert(1)</script>' | sha256sum → 5c140d35dcb46a62…
    expect(departmentSlug(SCRIPT, '../x', 'en')).toBe('d-5c140d35dc');
  });
});
