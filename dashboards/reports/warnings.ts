import type { ReportWords } from './copy.ts';
import { tableBlock, type ReportBlock } from './document.ts';

/** A warning as the reports show it: only what stays the same while it is open (report_warnings). */
export interface ReportWarning {
  id: string;
  kind: string;
  department: string | null;
  category: string | null;
  location: string | null;
  first_keyword: string | null;
  first_evidence_id: string | null;
  sentinel_text: string | null;
  /** YYYY-MM-DD */
  first_as_of: string;
  resolved_as_of: string | null;
}

/** What a warning is about, in words: its department (or the whole hospital), category, place or word. */
export function warningAbout(warning: ReportWarning, words: ReportWords): string {
  const parts = [
    warning.department ?? words.hospitalWide,
    warning.category === null ? null : words.category(warning.category),
    warning.location,
    warning.kind === 'emerging_term' && warning.first_keyword !== null ? `“${warning.first_keyword}”` : null,
  ];
  return parts.filter((part) => part !== null).join(' · ');
}

/** The warnings opened or closed from `start` to `end` (inclusive), in the order they opened. */
export function warningsOpenedOrClosed(warnings: readonly ReportWarning[], start: string, end: string): ReportWarning[] {
  const within = (date: string | null) => date !== null && date >= start && date <= end;
  return warnings.filter((warning) => within(warning.first_as_of) || within(warning.resolved_as_of)).sort(byOpening);
}

/** Oldest opening first, then kind and id: the same order in every run. */
export function byOpening(a: ReportWarning, b: ReportWarning): number {
  return a.first_as_of.localeCompare(b.first_as_of) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);
}

/** A table of warnings with their opening and closing dates: kind, what about, opened, closed (the dates kept whole). */
export function warningTable(warnings: readonly ReportWarning[], words: ReportWords): ReportBlock {
  return tableBlock(
    [words.say('warnings.kind'), words.say('warnings.about'), words.say('warnings.opened'), words.say('warnings.closed')],
    warnings.map((warning) => [words.label('warning', warning.kind), warningAbout(warning, words), words.day(warning.first_as_of), warning.resolved_as_of === null ? '' : words.day(warning.resolved_as_of)]),
    [],
    [2, 3],
  );
}
