/** The input columns of contract section 1, in the order the staging models read them. */
export const FEEDBACK_COLUMNS = [
  'id', 'source', 'hospital', 'received_at', 'channel', 'kind', 'department', 'location', 'category', 'text',
  'status', 'responded_at', 'resolved_at', 'satisfied', 'solved',
] as const;
export const FEEDBACK_REQUIRED = ['id', 'received_at', 'department', 'text'] as const;

export const SURVEY_COLUMNS = [
  'response_id', 'source', 'hospital', 'submitted_at', 'department', 'patient_type', 'overall', 'recommend', 'comment',
  // hearken's extension (README, "Survey modes"): how the survey was taken
  'survey_mode',
] as const;
export const SURVEY_REQUIRED = ['response_id', 'submitted_at', 'department'] as const;

/** Survey answer columns: q_<code>, e.g. q_a1, q_b3. */
export const QUESTION_COLUMN = /^q_[a-z0-9_]+$/;

export type RecordKind = 'feedback' | 'survey';

/** How a header cell is compared: "Received At", " received_at " and "received-at" all match. */
export function normalizeHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** The kind a header row says its file holds: feedback has received_at, a survey submitted_at. */
export function kindOfHeader(headers: readonly string[]): RecordKind | 'both' | null {
  const names = new Set(headers.map(normalizeHeader));
  const feedback = names.has('received_at');
  const survey = names.has('submitted_at');
  if (feedback && survey) return 'both';
  return feedback ? 'feedback' : survey ? 'survey' : null;
}
