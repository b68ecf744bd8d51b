// A published warning's text, worded again in each page language from its fields (issue 14 item 5):
// warnings.json keeps the run's language and ISO dates; a page writes its own language and dates.
import { describe, expect, it } from 'vitest';
import { warningWords } from '../../dashboards/department-page.ts';
import { warningText, type Warning } from '../../pipeline/warnings/warnings.ts';
import { deepFreeze } from '../statistics/vectors.ts';

const base: Warning = {
  id: 'W-1',
  kind: 'sla_breach',
  hospital: '江州市第一人民医院',
  run_id: 'r1',
  department: '急诊科',
  category: 'process',
  location: null,
  keywords: [],
  period_start: '2025-06-06',
  period_end: '2025-06-13',
  observed: 5,
  expected: 0,
  method: 'working-day SLA',
  severity: 'medium',
  status: 'new',
  evidence_ids: ['A1'],
  evidence: [{ source: 'hotline', id: 'A1' }],
  summary: '急诊科投诉 A1 已超过办理时限 2025-06-06 5 个工作日（督办第 2 级），责任人：科室主任。',
  suggested_action: '办结或上报该投诉，回复患者，并向质控办说明原因。',
  due_date: '2025-06-16',
  sla_case: { source: 'hotline', id: 'A1', escalation_step: 2, owner: null, owner_role: 'head', due_date: '2025-06-06', step_reached_on: '2025-06-13', calendar: 'CN' },
};
const breach = deepFreeze(base);

const sentinel = deepFreeze<Warning>({
  ...base,
  kind: 'sentinel',
  department: '骨科',
  category: 'quality',
  sla_case: undefined,
  keywords: ['摔倒'],
  period_start: '2025-09-29',
  period_end: '2025-09-29',
  evidence_ids: ['S1'],
  event_class: 'fall',
  summary: '骨科：2025-09-29 收到的记录（S1）反映可能发生跌倒坠床：“摔倒”。',
});

const drop = deepFreeze<Warning>({
  ...base,
  kind: 'satisfaction_drop',
  department: 'Khoa Ngoại tổng hợp',
  category: null,
  sla_case: undefined,
  observed: 60,
  expected: 87.5,
  summary: 'Satisfaction with section C among inpatients in Khoa Ngoại tổng hợp fell to 60% in 2025-06 (expected 87.5%): below the lower limit.',
  satisfaction: { section: 'C', patient_type: 'inpatient', grain: 'month', period: '2025-06', rule: 'Below LCL', quotes: [], cells: [] },
});

const iso = { day: (date: string) => date, month: (month: string) => month };

describe('a warning’s text in each page language', () => {
  it('words a breach in zh, vi and en, each writing the due date its own way', () => {
    expect(warningWords(breach, 'zh').summary).toBe('急诊科投诉 A1 已超过办理时限 2025年6月6日 5 个工作日（督办第 2 级），责任人：科室主任。');
    expect(warningWords(breach, 'vi').summary).toBe('Khiếu nại A1 của 急诊科 đã quá hạn 06/06/2025 5 ngày làm việc (bậc đôn đốc 2); người chịu trách nhiệm: trưởng khoa.');
    expect(warningWords(breach, 'en').summary).toBe('Complaint A1 of 急诊科: due 6 Jun 2025, working days overdue: 5 (escalation step 2); answers for it: the department head.');
    expect(warningWords(breach, 'en').suggested_action).toBe('Close or escalate the case, tell the patient, and report the cause to the quality office.');
  });

  it('says a case past a due date just before days off is not yet a working day overdue', () => {
    const friday = deepFreeze<Warning>({ ...base, observed: 0, sla_case: { ...base.sla_case!, escalation_step: 1, due_date: '2025-06-13' } });
    expect(warningWords(friday, 'en').summary).toBe('Complaint A1 of 急诊科: due 13 Jun 2025 and not closed by then, no working day since (escalation step 1); answers for it: the department head.');
    expect(warningWords(friday, 'zh').summary).toBe('急诊科投诉 A1 办理时限 2025年6月13日 已过，尚未办结，其后尚无工作日（督办第 1 级），责任人：科室主任。');
    expect(warningWords(friday, 'vi').summary).toBe('Khiếu nại A1 của 急诊科 đã hết hạn 13/06/2025 mà chưa giải quyết xong, chưa qua ngày làm việc nào kể từ đó (bậc đôn đốc 1); người chịu trách nhiệm: trưởng khoa.');
  });

  it('words it with ISO dates as warnings.json has it, in the run’s language', () => {
    expect(warningText(breach, 'zh', iso)).toEqual({ summary: breach.summary, suggested_action: breach.suggested_action });
    expect(warningText(sentinel, 'zh', iso).summary).toBe(sentinel.summary);
  });

  it('words a sentinel in vi and en', () => {
    expect(warningWords(sentinel, 'vi').summary).toBe('骨科: phản ánh nhận ngày 29/09/2025 (S1) cho thấy có thể đã xảy ra té ngã: “摔倒”.');
    expect(warningWords(sentinel, 'en').summary).toBe('骨科: a record received on 29 Sept 2025 (S1) describes a possible fall: “摔倒”.');
  });

  it('words a satisfaction drop’s rule in the reader’s language, not as the mart’s code', () => {
    expect(warningWords(drop, 'zh').summary).toBe('Khoa Ngoại tổng hợp住院患者第 C 部分满意度在2025年6月降至 60%（预期 87.5%）：低于控制下限。');
    expect(warningWords(drop, 'en').summary).toBe('Satisfaction with section C among inpatients in Khoa Ngoại tổng hợp fell to 60% in Jun 2025 (expected 87.5%): below the lower limit.');
  });

  it('keeps the summary as written where the warning carries no facts to word again', () => {
    const bare = deepFreeze<Warning>({ ...base, sla_case: undefined, summary: 'as published' });
    expect(warningWords(bare, 'vi').summary).toBe('as published');
  });
});
