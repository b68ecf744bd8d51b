/** What a text composer needs to know about the record it writes for. */
import type { Category, Kind } from '../model.ts';

export interface TextContext {
  kind: Kind;
  category: Category;
  /** Shared department key (see departments.ts), selects places, services and roles. */
  deptKey: string;
  /** The place the record is about ('' when none). */
  place: string;
  /** Contract channel value. */
  channel: string;
  /** Source system; `gov_12345` work orders are written by the operator in the third person. */
  source: string;
  /** Day number of receipt, so that dates in the text precede it. */
  day: number;
}

/** How patients in one language refer to a department and what happens there. */
export interface DeptContext {
  say: readonly string[];
  places: readonly string[];
  svc: readonly string[];
  roles: readonly string[];
  /** Relatives who would plausibly be the patient here (default: the language's whole list). */
  rels?: readonly string[];
  /** Has clinicians patients see (default true). */
  clinical?: boolean;
  /** Has beds: admissions, night shifts, ward rounds (default true). */
  ward?: boolean;
}
