import { describe, expect, it } from 'vitest';
import type { WarningLogEntry } from '../../pipeline/warnings/lifecycle.ts';
import { nextWorkingDay, sentinelCandidates, sentinelDefaults, sentinelIsRaised, type SentinelRecord, type SentinelScan } from '../../pipeline/warnings/sentinel.ts';
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

describe('sentinel events: one warning per department, event class and fortnight', () => {
  const at = (id: string, day: string, overrides: Partial<SentinelRecord> = {}): SentinelRecord => ({
    ...record,
    id,
    received_day: day,
    hits: [{ eventClass: 'medication_error', phrase: '发错了药', language: 'zh' }],
    phrases: ['发错了药'],
    text_redacted: `药房发错了药（${id}）`,
    ...overrides,
  });
  const en = { ...style, language: 'en' as const };
  /** Runs each as-of date in turn on the records received by then, as daily runs would. */
  const replay = (records: SentinelRecord[], dates: string[], settings = sentinelDefaults) => {
    let history = empty;
    return dates.map((asOf) => {
      const raised = raiseWarnings(sentinelCandidates({ ...scan, records }, asOf, history, settings), history, asOf, en, `run-${asOf}`);
      history = raised.history;
      return raised.warnings;
    });
  };

  it('grow one warning as records of the same event come in, each new record surfacing in the run that first sees it', () => {
    const records = [at('A', '2025-09-29'), at('B', '2025-10-03'), at('C', '2025-10-05'), at('D', '2025-10-13')];
    const runs = replay(records, ['2025-09-29', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-13']);
    const id = warningId(JSON.stringify(['江州市第一人民医院', 'sentinel', 'hotline', 'A']));
    expect(runs.map((warnings) => warnings.map((w) => [w.id === id ? 'A' : w.evidence_ids[0], w.status, w.evidence_ids.join(''), w.new_evidence_ids!.join(''), w.run_id, w.due_date]))).toEqual([
      [['A', 'new', 'A', 'A', 'run-2025-09-29', '2025-09-30']],
      // B joins A's event: the same id, ongoing, updated by this run and due again the next working day
      [['A', 'ongoing', 'AB', 'B', 'run-2025-10-04', '2025-10-09']],
      [['A', 'ongoing', 'ABC', 'C', 'run-2025-10-05', '2025-10-09']],
      [['A', 'ongoing', 'ABC', '', 'run-2025-10-06', '2025-10-09']],
      // D is 14 days after A: still A's fortnight (A's event is open), so A's warning again
      [['A', 'ongoing', 'ABCD', 'D', 'run-2025-10-13', '2025-10-14']],
    ]);
    expect(runs[1]![0]).toMatchObject({
      observed: 2,
      period_start: '2025-09-29',
      period_end: '2025-10-03',
      quotes: ['药房发错了药（A）', '药房发错了药（B）'],
      summary: '骨科: 2 records received from 2025-09-29 to 2025-10-03 (A, B) describe a possible wrong drug or dose: “发错了药”. 1 new record this run.',
    });
    expect(runs[3]![0]!.summary).toBe('骨科: 3 records received from 2025-09-29 to 2025-10-05 (A, B, C) describe a possible wrong drug or dose: “发错了药”.');
  });

  it('keep another department, another class, a later fortnight and a resolved event apart', () => {
    const records = [
      at('A', '2025-09-01'),
      at('B', '2025-09-02', { department: '儿科' }),
      at('C', '2025-09-03', { hits: [{ eventClass: 'fall', phrase: '摔倒', language: 'zh' }], phrases: ['摔倒'] }),
      at('D', '2025-09-16'), // 15 days after A: a new event
      at('E', '2025-09-20'), // joins D
    ];
    const [first, second] = replay(records, ['2025-09-03', '2025-09-20']);
    expect(first!.map((w) => w.evidence_ids.join('')).sort()).toEqual(['A', 'B', 'C']);
    // A, B and C are resolved (more than 7 days old); D and E are one new event
    expect(second!.map((w) => `${w.evidence_ids.join('')} ${w.status}`).sort()).toEqual(['A resolved', 'B resolved', 'C resolved', 'DE new']);
    // published once more as they last stood, with no news of this run
    expect(second!.filter((w) => w.status === 'resolved').map((w) => [w.new_evidence_ids, w.summary.includes('new record')])).toEqual([[[], false], [[], false], [[], false]]);
    // A resolved event takes no new record: within A's fortnight, it is news of its own
    const late = replay([at('A', '2025-09-01'), at('F', '2025-09-14')], ['2025-09-01', '2025-09-09', '2025-09-14']);
    expect(late.map((warnings) => warnings.map((w) => `${w.evidence_ids.join('')} ${w.status}`))).toEqual([['A new'], ['A resolved'], ['F new']]);
  });

  it('say the same when a run is repeated on the same as-of date, and are one per record with groupDays 0', () => {
    const records = [at('A', '2025-09-29'), at('B', '2025-10-03')];
    let history = empty;
    const once = (asOf: string) => {
      const raised = raiseWarnings(sentinelCandidates({ ...scan, records }, asOf, history), history, asOf, en, 'run');
      history = raised.history;
      return raised.warnings;
    };
    once('2025-09-29');
    const first = once('2025-10-04');
    expect(once('2025-10-04')).toEqual(first);
    expect(first[0]!.new_evidence_ids).toEqual(['B']);
    const apart = replay(records, ['2025-10-04'], { ...sentinelDefaults, groupDays: 0 });
    expect(apart[0]!.map((w) => w.evidence_ids.join('')).sort()).toEqual(['A', 'B']);
  });
});
