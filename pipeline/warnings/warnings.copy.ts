import type { Copy } from '../languages.ts';

/** What warnings.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'warning.action.sla_breach': 'Close or escalate the case, tell the patient, and report the cause to the quality office.',
  'satisfaction.section': 'section {section}',
  'satisfaction.wholeForm': 'the whole questionnaire',
  'satisfaction.week': 'the week of {week}',
  'satisfaction.month': '{month}',
  'warning.action.satisfaction_drop': 'Read the month’s survey comments and complaints with the department and agree one fix.',
  'warning.hospital': 'the whole hospital',
  'warning.summary.spike.twoWeeks': '{where}: {observed} {observed:complaint|complaints} in the two weeks from {from}, against {expected} expected (alarm above {bound}). Rising: {keywords}.',
  'warning.sentinel.newRecord': '1 new record this run.',
  'warning.sentinel.newRecords': '{count} new {count:record|records} this run.',
  'warning.action.sentinel.safety': 'Serious event: the department head and the quality and safety office review this case by the due date, check that the patient is safe, report an adverse event if it is confirmed, and contact the person who wrote.',
  'warning.action.sentinel.threat': 'Threat to go public or to law: the patient-relations office contacts the person by the due date, hears the case in full, and tells the hospital’s leadership and its press or legal officer.',
} as const;

export const warningsCopy = {
  en,
  zh: {
    'warning.action.sla_breach': '办结或上报该投诉，回复患者，并向质控办说明原因。',
    'satisfaction.section': '第 {section} 部分',
    'satisfaction.wholeForm': '整体问卷',
    'satisfaction.week': '{week} 当周',
    'satisfaction.month': '{month}',
    'warning.action.satisfaction_drop': '与科室一起查看本月问卷意见和投诉，商定一项整改措施。',
    'warning.hospital': '全院',
    'warning.summary.spike.twoWeeks': '{where}：{from} 起两周投诉 {observed} 件，预期 {expected} 件（超过 {bound} 件即预警）。上升的词：{keywords}。',
    'warning.sentinel.newRecord': '本次新增 1 条。',
    'warning.sentinel.newRecords': '本次新增 {count} 条。',
    'warning.action.sentinel.safety': '严重事件：科室负责人与医务处、质控办在办理时限内核查此事，确认患者安全；属实的按不良事件上报，并联系反映人。',
    'warning.action.sentinel.threat': '扬言曝光或诉诸法律：医患办在办理时限内联系反映人，全面了解情况，并报告院领导及宣传、法务部门。',
  },
  vi: {
    'warning.action.sla_breach': 'Giải quyết hoặc chuyển cấp trên trường hợp này, trả lời người bệnh và báo nguyên nhân cho phòng Quản lý chất lượng.',
    'satisfaction.section': 'phần {section}',
    'satisfaction.wholeForm': 'toàn bộ phiếu',
    'satisfaction.week': 'tuần {week}',
    'satisfaction.month': 'tháng {month}',
    'warning.action.satisfaction_drop': 'Cùng khoa xem lại ý kiến khảo sát và khiếu nại của tháng, thống nhất một biện pháp khắc phục.',
    'warning.hospital': 'toàn bệnh viện',
    'warning.summary.spike.twoWeeks': '{where}: {observed} khiếu nại trong hai tuần từ {from}, kỳ vọng {expected} (cảnh báo khi vượt {bound}). Từ tăng: {keywords}.',
    'warning.sentinel.newRecord': '1 phản ánh mới trong lần chạy này.',
    'warning.sentinel.newRecords': '{count} phản ánh mới trong lần chạy này.',
    'warning.action.sentinel.safety': 'Sự cố nghiêm trọng: trưởng khoa và phòng Quản lý chất lượng xem xét trường hợp này trước hạn, bảo đảm an toàn cho người bệnh, báo cáo sự cố y khoa nếu được xác nhận và liên hệ người phản ánh.',
    'warning.action.sentinel.threat': 'Đe dọa đưa lên báo, mạng hoặc pháp luật: phòng Công tác xã hội liên hệ người phản ánh trước hạn, nghe đầy đủ sự việc và báo ban giám đốc cùng bộ phận truyền thông, pháp chế.',
  },
} as const satisfies Copy<keyof typeof en>;
