/**
 * Tiny input files for the ingest tests, each row annotated with what must become of it. The run
 * in the tests is on 2025-06-30 in Asia/Shanghai (TEST_NOW), so 2025-07-15 is in the future.
 */
export const FEEDBACK_HEADER =
  'id,source,received_at,channel,kind,department,location,category,text,status,responded_at,resolved_at,satisfied';

export const FEEDBACK_ROWS = {
  // loaded
  F1: 'F1,,2025-03-02 08:15,hotline,complaint,急诊科,挂号窗口,process,排队两个小时没人管，电话13812345678,closed,2025-03-02 09:00,2025-03-03 10:00,yes',
  F2: 'F2,,2025-03-02T08:15:00+07:00,12345,投诉,心内科,,attitude,护士态度很差,replied,,,pending',
  F3: 'F3,,2025/03/03,walk_in,praise,Khoa Cấp cứu,,,"Bác sĩ rất tận tình, cảm ơn",closed,,,',
  F4: 'F4,,2025-03-04,facebook,suggestion,A&E,car park,facility,The car park needs more spaces,received,,,',
  F19: 'F19,,2025-03-06,fax machine,,睡眠医学中心,,,新开的睡眠中心预约难,,,,',
  // quarantined, one reason each
  noId: ',,2025-03-04,hotline,,急诊科,,,no id here,,,,',
  noDate: 'F6,,,hotline,,急诊科,,,no date,,,,',
  badDate: 'F7,,2025-13-45,hotline,,急诊科,,,bad date,,,,',
  future: 'F8,,2025-07-15,hotline,,急诊科,,,future,,,,',
  ancient: 'F9,,1999-12-31,hotline,,急诊科,,,old,,,,',
  noDepartment: 'F10,,2025-03-05,hotline,,,,,no department,,,,',
  noText: 'F11,,2025-03-05,hotline,,急诊科,,,,,,,',
  badKind: 'F12,,2025-03-05,hotline,grumble,急诊科,,,text,,,,',
  badResponded: 'F13,,2025-03-05,hotline,,急诊科,,,text,,yesterday,,',
  badResolved: 'F14,,2025-03-05,hotline,,急诊科,,,text,,,soon,',
  respondedEarly: 'F15,,2025-03-05 10:00,hotline,,急诊科,,,text,,2025-03-05 09:00,,',
  resolvedEarly: 'F16,,2025-03-05 10:00,hotline,,急诊科,,,text,,,2025-03-04,',
  badSatisfied: 'F17,,2025-03-05,hotline,,急诊科,,,text,,,,maybe',
  broken: 'F18,,2025-03-05,hotline,,急诊科,,,text,,,,,extra,cols',
} as const;

export const FEEDBACK_EXPECTED_REASONS = {
  'id is missing': 1,
  'received_at is missing': 1,
  'received_at is not a date': 1,
  'received_at is in the future': 1,
  'received_at is before 2000': 1,
  'department is missing': 1,
  'text is empty': 1,
  'kind is not a known value': 1,
  'responded_at is not a date': 1,
  'resolved_at is not a date': 1,
  'responded_at is before received_at': 1,
  'resolved_at is before received_at': 1,
  'satisfied is not yes, no or pending': 1,
  'broken CSV row': 1,
};

/** Every row above, plus F1 again (an identical repeat within the file: a duplicate). */
export function feedbackCsv(): string {
  return [FEEDBACK_HEADER, ...Object.values(FEEDBACK_ROWS), FEEDBACK_ROWS.F1].join('\n') + '\n';
}

export const SURVEY_CSV = [
  'response_id,submitted_at,department,patient_type,q_a1,q_a2,q_d1,overall,recommend,comment',
  'S1,2025-04-01 10:00,Khoa Nhi,nội trú,5,4,5,5,9,Bác sĩ tận tình',
  'S2,2025-04-01 11:00,Khoa Nhi,outpatient,4,,3,4,7,',
  'S3,2025-04-02,Khoa Cấp cứu,,2,2,1,1,0,Chờ quá lâu. SĐT 0912 345 678',
  'S4,2025-04-02,Khoa Nhi,,7,4,4,4,8,',
  'S5,2025-04-02,Khoa Nhi,,4,4,4,6,8,',
  'S6,2025-04-02,Khoa Nhi,,4,4,4,4,11,',
  'S7,2025-04-02,Khoa Nhi,ward,4,4,4,4,8,',
  'S8,2025-04-03,Khoa Nhi,,4.5,4,4,4,8,',
  ',2025-04-03,Khoa Nhi,,4,4,4,4,8,',
  'S10,,Khoa Nhi,,4,4,4,4,8,',
  'S11,2025-04-31,Khoa Nhi,,4,4,4,4,8,',
  'S12,2025-08-01,Khoa Nhi,,4,4,4,4,8,',
  'S13,1999-04-01,Khoa Nhi,,4,4,4,4,8,',
  'S14,2025-04-03,,,4,4,4,4,8,',
].join('\n');
