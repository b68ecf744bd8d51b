import type { Copy } from '../pipeline/languages.ts';

/** What open-cases.ts says to people, per language (wording several places share is in pipeline/i18n.ts). */
const en = {
  'case.title': 'Open complaints on {asOf}',
  'case.intro': 'Every complaint still open, the department’s own by due date (working days). The department head answers for a case until it is past its first escalation step, then the supervising leader. Step 1: past its due date; each later step: that many working days overdue.',
  'case.reportedUpward': 'Reported upward',
  'case.reportedUpwardIntro': 'Complaints referred to an outside authority because they turn on policy: off the department’s clock, followed until resolved.',
  'case.dueDate': 'Due',
  'case.owner': 'Answers for it',
  'case.received': 'Received',
  'case.age': 'Age (working days)',
  'case.status': 'Status',
  'case.step': 'Escalation step',
  'case.text': 'Complaint (redacted)',
  'case.more': 'The first {shown} of {total}; all of them are in data/open_cases.csv.',
} as const;

export const openCasesCopy = {
  en,
  zh: {
    'case.title': '未办结投诉清单（截至 {asOf}）',
    'case.intro': '所有仍未办结的投诉，科室承办的按办结期限（工作日）排列。科室主任对投诉负首要责任，超过第一级督办后由分管院领导负责。第 1 级：已超过办结期限；其后各级：超期达到相应工作日数。',
    'case.reportedUpward': '已上报上级部门',
    'case.reportedUpwardIntro': '涉及政策、已转报上级主管部门的投诉：不计入科室办理时限，跟踪至办结。',
    'case.dueDate': '办结期限',
    'case.owner': '责任人',
    'case.received': '受理日期',
    'case.age': '已用工作日',
    'case.status': '状态',
    'case.step': '督办级别',
    'case.text': '投诉内容（已脱敏）',
    'case.more': '仅显示前 {shown} 件，共 {total} 件；完整清单见 data/open_cases.csv。',
  },
  vi: {
    'case.title': 'Khiếu nại chưa giải quyết đến {asOf}',
    'case.intro': 'Mọi khiếu nại còn mở, của khoa xếp theo hạn giải quyết (ngày làm việc). Trưởng khoa chịu trách nhiệm đến khi quá bậc đôn đốc đầu tiên, sau đó là lãnh đạo phụ trách. Bậc 1: đã quá hạn; các bậc sau: quá hạn số ngày làm việc tương ứng.',
    'case.reportedUpward': 'Đã báo cáo cấp trên',
    'case.reportedUpwardIntro': 'Khiếu nại liên quan đến chính sách, đã chuyển cơ quan có thẩm quyền: không tính vào thời hạn của khoa, theo dõi đến khi giải quyết xong.',
    'case.dueDate': 'Hạn',
    'case.owner': 'Người chịu trách nhiệm',
    'case.received': 'Ngày tiếp nhận',
    'case.age': 'Số ngày làm việc',
    'case.status': 'Trạng thái',
    'case.step': 'Bậc đôn đốc',
    'case.text': 'Nội dung (đã ẩn thông tin cá nhân)',
    'case.more': 'Hiển thị {shown} trên {total}; danh sách đầy đủ trong data/open_cases.csv.',
  },
} as const satisfies Copy<keyof typeof en>;
