/** Shared record types of the sample generator. */

/** The generator's own key of a hospital; the data names it by its folder (HospitalSpec.folder). */
export type HospitalId = 'cn' | 'cn_east' | 'vn' | 'uk';
export type Lang = 'zh' | 'vi' | 'en';
export type Kind = 'complaint' | 'consultation' | 'suggestion' | 'praise';
export type Category = 'process' | 'attitude' | 'quality' | 'cost' | 'facility';
export type Status = 'received' | 'verifying' | 'handling' | 'replied' | 'closed' | 'escalated' | 'referred';
export type Satisfied = 'yes' | 'no' | 'pending' | '';
/** The callback's judgement whether the problem was solved (contract v2). */
export type Solved = 'yes' | 'no' | '';

export const CATEGORIES: readonly Category[] = ['process', 'attitude', 'quality', 'cost', 'facility'];

/** The contract feedback columns (CONTRACT.md 1.1), in file order. */
export const FEEDBACK_COLUMNS = [
  'id',
  'source',
  'received_at',
  'channel',
  'kind',
  'department',
  'location',
  'category',
  'text',
  'status',
  'responded_at',
  'resolved_at',
  'satisfied',
  'solved',
] as const;

export type FeedbackColumn = (typeof FEEDBACK_COLUMNS)[number];

/** How a complaint's handling unfolds over time; a file shows it as of its export time. */
export interface Lifecycle {
  /** Seconds after receipt when triage started (received -> verifying). */
  verifyAfter: number;
  respondedAt: number | null;
  resolvedAt: number | null;
  /** Final state once everything that will happen has happened. */
  outcome: 'closed' | 'replied' | 'escalated' | 'referred';
  escalatedAt: number | null;
  /** When a policy matter was handed to an outside authority (status referred until resolved). */
  referredAt: number | null;
  satisfied: Satisfied;
  /** The callback's judgement, recorded with `satisfied` once the callback is made. */
  solved: Solved;
  /** Status shown while the case is being worked on after first contact. */
  midStatus: 'handling' | 'replied';
  /** `satisfied` shown while the case is open. */
  openSatisfied: Satisfied;
}

/** One generated feedback record before it is written to a file. */
export interface FeedbackEvent {
  hospital: HospitalId;
  source: string;
  id: string;
  receivedAt: number;
  channel: string;
  kind: Kind;
  deptKey: string;
  department: string;
  location: string;
  category: Category;
  showCategory: boolean;
  text: string;
  lifecycle: Lifecycle;
  /** Planted problem id, never written to a data file. */
  planted: string | null;
  /** Personal data put into the text, for the ground-truth list. */
  pii: readonly PiiItem[];
}

export interface PiiItem {
  type: 'cn_mobile' | 'cn_id' | 'vn_phone' | 'vn_cccd' | 'vn_bhyt' | 'uk_phone' | 'email';
  value: string;
}

/** A feedback row as text cells, the contract's view of a record in one export. */
export type FeedbackRow = Record<FeedbackColumn, string>;
