/**
 * The complaints of Emergency (急诊科) and Cardiology (心血管内科) that the backlog mart test and
 * the reports test both work by hand at the as-of date Fri 13 Jun 2025 (calendar CN): the header
 * and rows B2 to B8, whose due dates are worked in test/marts/complaint_backlog.test.ts. Each test
 * adds its own B1 and the rows only it needs.
 */
export const BACKLOG_HEADER = 'id,received_at,department,category,kind,text,status,resolved_at';

export const BACKLOG_COMPLAINTS = [
  'B2,2025-06-06 09:00,急诊科,process,complaint,排队,handling,',
  'B3,2025-05-29 09:00,急诊科,quality,complaint,误诊,handling,',
  'B4,2025-05-12 09:00,急诊科,process,complaint,排队,closed,2025-06-20 10:00',
  'B5,2025-06-02 09:00,急诊科,process,complaint,排队,closed,2025-06-04 10:00',
  'B6,2025-06-16 09:00,急诊科,process,complaint,排队,received,',
  'B7,2025-05-30 09:00,心血管内科,attitude,complaint,态度,escalated,',
  'B8,2025-06-13 08:00,心血管内科,cost,complaint,收费,replied,',
] as const;
