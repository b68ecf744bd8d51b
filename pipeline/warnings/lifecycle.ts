/** What the warning log remembers of one warning between runs. */
export interface WarningLogEntry {
  id: string;
  /** The as-of date it was first raised (again, after a resolution). */
  firstAsOf: string;
  /** The latest as-of date it was raised on. */
  lastAsOf: string;
  /** The as-of date it was found gone; null while it is open. */
  resolvedAsOf: string | null;
}

export type WarningStatus = 'new' | 'ongoing' | 'resolved';

export interface LifecycleResult {
  /** The status of each warning to publish this run, raised or just resolved. */
  statuses: Map<string, WarningStatus>;
  /** The log after this run. */
  log: WarningLogEntry[];
}

/**
 * The lifecycle of warnings across runs (contract section 4): a warning raised for the first
 * time is `new`; raised again on a later as-of date it is `ongoing`, never announced as new twice;
 * gone on a later date it is published once as `resolved`. Raised after a resolution it is new
 * again. Dates are ISO strings (YYYY-MM-DD), so comparing them compares days. Running again on the
 * same as-of date gives the same statuses, so a re-run changes nothing.
 *
 * @example warningLifecycle(['W1'], [], '2025-03-02').statuses // Map { W1 → 'new' }
 */
export function warningLifecycle(raisedIds: readonly string[], log: readonly WarningLogEntry[], asOf: string): LifecycleResult {
  const raised = new Set(raisedIds);
  const statuses = new Map<string, WarningStatus>();
  const next: WarningLogEntry[] = [];
  const known = new Set<string>();
  for (const entry of log) {
    known.add(entry.id);
    const open = entry.resolvedAsOf === null || entry.resolvedAsOf > asOf;
    if (raised.has(entry.id)) {
      const reopened = !open || entry.firstAsOf > asOf;
      const firstAsOf = reopened ? asOf : entry.firstAsOf;
      statuses.set(entry.id, firstAsOf === asOf ? 'new' : 'ongoing');
      next.push({ id: entry.id, firstAsOf, lastAsOf: asOf > entry.lastAsOf ? asOf : entry.lastAsOf, resolvedAsOf: null });
    } else if (open && entry.lastAsOf < asOf) {
      statuses.set(entry.id, 'resolved');
      next.push({ ...entry, resolvedAsOf: asOf });
    } else {
      if (entry.resolvedAsOf === asOf) statuses.set(entry.id, 'resolved');
      next.push({ ...entry });
    }
  }
  for (const id of raised) {
    if (known.has(id)) continue;
    statuses.set(id, 'new');
    next.push({ id, firstAsOf: asOf, lastAsOf: asOf, resolvedAsOf: null });
  }
  return { statuses, log: next };
}
