import { describe, expect, it } from 'vitest';
import type { WarningLogEntry } from '../../pipeline/warnings/lifecycle.ts';
import { nextWorkingDay, sentinelCandidates, sentinelIsRaised, type SentinelRecord, type SentinelScan } from '../../pipeline/warnings/sentinel.ts';
import { raiseWarnings, warningId, type WarningHistory } from '../../pipeline/warnings/warnings.ts';

const logged = (firstAsOf: string, resolvedAsOf: string | null = null): WarningLogEntry => ({ id: 'W', firstAsOf, lastAsOf: firstAsOf, resolvedAsOf });

describe('sentinelIsRaised (7 days on the list, records up to 30 days late)', () => {
  it('raises a record never raised in the first run that sees it, also when its export came late', () => {
    expect(sentinelIsRaised('2025-06-10', '2025-06-10', undefined)).toBe(true);
    expect(sentinelIsRaised('2025-05-12', '2025-06-10', undefined)).toBe(true); // 29 days back
    expect(sentinelIsRaised('2025-05-11', '2025-06-10', undefined)).toBe(false); // 30 days back: history
    expect(sentinelIsRaised('2025-06-11', '2025-06-10', undefined)).toBe(false); // not yet received
  });

  it('keeps it for seven days from the later of its day and its first run, then lets it go for good', () => {
    expect(sentinelIsRaised('2025-06-10', '2025-06-16', logged('2025-06-10'))).toBe(true); // day 7
    expect(sentinelIsRaised('2025-06-10', '2025-06-17', logged('2025-06-10'))).toBe(false);
    expect(sentinelIsRaised('2025-05-20', '2025-06-12', logged('2025-06-10'))).toBe(true); // late record, raised on the 10th
    expect(sentinelIsRaised('2025-06-10', '2025-06-12', logged('2025-06-10', '2025-06-11'))).toBe(false);
  });
});

describe('nextWorkingDay', () => {
  it('skips holidays and weekends of the calendar (CN: 国庆节 1–8 October 2025)', () => {
    const cn = ['2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13'];
    expect(nextWorkingDay(cn, '2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay(cn, '2025-10-10')).toBe('2025-10-11'); // 调休: Saturday is a working day
  });
  it('counts Monday to Friday past the calendar’s end', () => {
    expect(nextWorkingDay([], '2025-06-13')).toBe('2025-06-16'); // Friday → Monday
    expect(nextWorkingDay([], '2025-06-10')).toBe('2025-06-11');
  });
});

const record: SentinelRecord = {
  hospital: '江州市第一人民医院',
  source: 'hotline',
  id: 'F-1',
  evidence_source: 'hotline',
  received_day: '2025-09-29',
  kind: 'complaint',
  department: '骨科',
  category: 'quality',
  location: '7病区',
  text_redacted: '老人上厕所时摔了一跤骨折了，护工当时不在。电话[phone]',
  calendar: 'CN',
  hits: [
    { eventClass: 'fall', phrase: '摔…骨折', language: 'zh' },
    { eventClass: 'fall', phrase: '摔了一跤', language: 'zh' },
    { eventClass: 'legal_threat', phrase: '起诉', language: 'zh' },
  ],
  phrases: ['摔…骨折', '摔了一跤', '起诉'],
};
const scan: SentinelScan = { records: [record], workingDays: new Map([['CN', ['2025-09-30', '2025-10-09', '2025-10-10']]]) };
const style = { language: 'zh' as const, dueDays: new Map([['other', 7]]), workingDays: new Map<string, string[]>(), calendar: 'none' };
const empty: WarningHistory = { log: [], published: new Map() };

describe('sentinel warnings', () => {
  it('are one warning per record: high, due the next working day, the record as evidence, the phrases as keywords, the class as an extra field', () => {
    const { warnings } = raiseWarnings(sentinelCandidates(scan, '2025-09-30', empty), empty, '2025-09-30', style, 'run-1');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      id: warningId(JSON.stringify(['江州市第一人民医院', 'sentinel', 'hotline', 'F-1'])),
      hospital: '江州市第一人民医院',
      run_id: 'run-1',
      kind: 'sentinel',
      department: '骨科',
      category: 'quality',
      location: '7病区',
      keywords: ['摔…骨折', '摔了一跤', '起诉'],
      period_start: '2025-09-29',
      period_end: '2025-09-29',
      observed: 1,
      expected: 0,
      severity: 'high',
      status: 'new',
      evidence_ids: ['F-1'],
      evidence: [{ source: 'hotline', id: 'F-1' }],
      event_class: 'fall',
      event_classes: ['fall', 'legal_threat'],
      due_date: '2025-10-09',
      quotes: ['老人上厕所时摔了一跤骨折了，护工当时不在。电话[phone]'],
      summary: '骨科：2025-09-29 收到的记录（F-1）反映可能发生跌倒坠床：“摔…骨折”、“摔了一跤”、“起诉”。',
      suggested_action: '严重事件：科室负责人与医务处、质控办在办理时限内核查此事，确认患者安全；属实的按不良事件上报，并联系反映人。',
    });
  });

  it('speak the site’s language, and send threats to the patient-relations office', () => {
    const threat = { ...record, hits: [{ eventClass: 'press_threat', phrase: 'go to the press', language: 'en' as const }], phrases: ['go to the press'] };
    const [warning] = raiseWarnings(sentinelCandidates({ ...scan, records: [threat] }, '2025-09-30', empty), empty, '2025-09-30', { ...style, language: 'vi' }, 'run-1').warnings;
    expect(warning!.summary).toBe('骨科: phản ánh nhận ngày 2025-09-29 (F-1) cho thấy có thể đã xảy ra đe dọa đưa lên báo hoặc mạng xã hội: “go to the press”.');
    expect(warning!.suggested_action).toMatch(/^Đe dọa đưa lên báo/);
  });

  it('quote no phrase that only the raw text held', () => {
    const unquoted = { ...record, phrases: [] };
    const [warning] = raiseWarnings(sentinelCandidates({ ...scan, records: [unquoted] }, '2025-09-30', empty), empty, '2025-09-30', { ...style, language: 'en' }, 'run-1').warnings;
    expect(warning).toMatchObject({ keywords: [], summary: '骨科: a record received on 2025-09-29 (F-1) describes a possible fall.' });
  });

  it('go new → ongoing → resolved once, keeping their id and their due date', () => {
    let history = empty;
    const statuses: [string, string][] = [];
    for (const asOf of ['2025-09-29', '2025-09-30', '2025-10-05', '2025-10-06', '2025-10-07']) {
      const raised = raiseWarnings(sentinelCandidates(scan, asOf, history), history, asOf, style, 'run-1');
      history = raised.history;
      statuses.push(...raised.warnings.map((w): [string, string] => [asOf, `${w.status} ${w.due_date}`]));
    }
    expect(statuses).toEqual([
      ['2025-09-29', 'new 2025-09-30'],
      ['2025-09-30', 'ongoing 2025-09-30'],
      ['2025-10-05', 'ongoing 2025-09-30'],
      ['2025-10-06', 'resolved 2025-09-30'],
    ]);
  });
});
