import type { DetectorKind } from './warnings.ts';

/** One cell that signalled in one week: its test, and the complaints it counted that week. */
export interface CellSignal {
  kind: DetectorKind;
  /** The hospital whose cell it is: cells, series and their signals are each one hospital's. */
  hospital: string;
  /** A JSON array of the cell's parts (int_alert_cell_records): `["department",D,C]`, `["category",C]`, `["location",L]`, `["term",lang,T]`; read with `cellParts`. */
  cell: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  /** The first day its complaints are counted from: `week`, or the week before's Monday for a rise over two weeks. */
  firstDay: string;
  observed: number;
  expected: number;
  upperbound: number | null;
  pValue: number;
  qValue: number;
  method: string;
  baselineStart: string;
  baselineEnd: string;
  /** The complaints counted, each as `recordKey(hospital, source, id)`. */
  records: readonly string[];
  /** The days (YYYY-MM-DD) those complaints were received, each once. */
  days: readonly string[];
  /** The same cell's p-value the week before, guard or not (1 where it could not be judged): a problem builds up, chance does not. */
  previousPValue: number;
  /** Whether the week holds its cell's first complaints, tested below the guard (a new place: firstComplaints in detector-warnings.ts). */
  firstComplaints: boolean;
  /** Where it signalled as a rise over two weeks (firstDay the week before): the two weeks' complaints, their expectation, and the most they could hold without signalling. */
  twoWeeks?: { observed: number; expected: number; upperbound: number };
}

/** The parts of a cell's name, its dimension first: `["department", "急诊科", "process"]`. */
export function cellParts(cell: string): string[] {
  return JSON.parse(cell) as string[];
}

/**
 * A complaint as one string that no hospital, source or id can make ambiguous (each may hold any
 * character, NUL included): the JSON of its key. `recordOf` reads it back.
 */
export function recordKey(hospital: string, source: string, id: string): string {
  return JSON.stringify([hospital, source, id]);
}

export function recordOf(key: string): [hospital: string, source: string, id: string] {
  return JSON.parse(key) as [string, string, string];
}

/** Signals of one week that see the same complaints: one problem, one warning. */
export interface SignalGroup {
  /** The signal the warning is named after; first in `members`. */
  primary: CellSignal;
  /** Every signal of the group, the primary first, then by evidence (q-value). */
  members: CellSignal[];
  /** The complaints of its members, each once, in first-seen order; a hospital-wide category's only when no narrower member sees the problem. */
  records: string[];
}

/**
 * Which cell names a warning best, most actionable first: a department's category (one owner, one
 * kind of problem), a place, a word, and last a category across the whole hospital.
 */
function cellRank(signal: CellSignal): number {
  if (cellParts(signal.cell)[0] === 'department') return 0;
  if (signal.kind === 'hotspot') return 1;
  if (signal.kind === 'emerging_term') return 2;
  return 3;
}

/**
 * Whether two cells see the same complaints: at least `minOverlap` of the smaller cell's, and at
 * least a third of the larger's, so that a department's few complaints do not make the whole
 * hospital's category the same problem.
 */
function sameComplaints(a: ReadonlySet<string>, b: ReadonlySet<string>, minOverlap: number): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const record of small) if (large.has(record)) shared++;
  return shared >= minOverlap * small.size && shared * 3 >= large.size;
}

/** Whether at least `minOverlap` of a member's complaints are the primary's: the member sees mostly the same problem, not its neighbours. */
function mostlyWithin(member: ReadonlySet<string>, primary: ReadonlySet<string>, minOverlap: number): boolean {
  let shared = 0;
  for (const record of member) if (primary.has(record)) shared++;
  return member.size > 0 && shared >= minOverlap * member.size;
}

/** How many of `a`'s complaints are also `b`'s. */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const record of a) if (b.has(record)) shared++;
  return shared;
}

/**
 * Merges the signals of one week that are the same problem seen through several cells (the
 * department's category, its place, the words of its complaints, the hospital's category): two
 * cells see the same problem when at least `minOverlap` of the smaller one's complaints, and a
 * third of the larger one's, are the other's too, and a group is a chain of such cells, with two
 * limits, so that neighbours are not one problem: two departments' cells are never one group
 * (a place or word they share joins the one it shares most complaints with), and the hospital's
 * whole category links nothing (it joins the group it shares most with). The group is named after
 * a cell whose warning is already open (`openCells`: its own, or one of its signals), so an ongoing
 * problem keeps its id when another cell of it signals first; otherwise after the most actionable
 * cell (`cellRank`), the strongest evidence breaking ties. Its complaints are the named cell's and
 * those of places (or the category) mostly within them, never a word's others (a word is written
 * in other wards' complaints too), so its words, quotes and places are its own problem's; a
 * hospital-wide category's only when no narrower member sees the problem. Groups come strongest
 * evidence first.
 *
 * @example groupSignals([spikeInDepartment, hotspotOfItsPlace], new Set()) // one group, primary the spike
 */
export function groupSignals(signals: readonly CellSignal[], openCells: ReadonlySet<string>, minOverlap = 0.5): SignalGroup[] {
  const sets = new Map(signals.map((signal) => [signal, new Set(signal.records)]));
  const byEvidence = (a: CellSignal, b: CellSignal) => a.qValue - b.qValue || a.pValue - b.pValue || (a.cell < b.cell ? -1 : 1);
  const naming = (a: CellSignal, b: CellSignal) => Number(openCells.has(b.cell)) - Number(openCells.has(a.cell)) || cellRank(a) - cellRank(b) || byEvidence(a, b);
  const same = (a: CellSignal, b: CellSignal) => sameComplaints(sets.get(a)!, sets.get(b)!, minOverlap);
  const isDepartment = (signal: CellSignal) => cellParts(signal.cell)[0] === 'department';
  const narrow = [...signals].filter((signal) => cellRank(signal) < 3).sort(naming);
  // chains of narrow cells, holding at most one department's cell each: a department's cell
  // starts a group, then places and words join the group they share most complaints with
  const groups: CellSignal[][] = narrow.filter(isDepartment).map((signal) => [signal]);
  const joinBest = (signal: CellSignal, among: CellSignal[][]): boolean => {
    const scored = among
      .map((group) => ({ group, shared: Math.max(...group.filter((member) => same(member, signal)).map((member) => sharedCount(sets.get(member)!, sets.get(signal)!)), 0) }))
      .filter(({ shared }) => shared > 0);
    const best = scored.sort((a, b) => b.shared - a.shared || naming(a.group[0]!, b.group[0]!))[0];
    if (best === undefined) return false;
    best.group.push(signal);
    return true;
  };
  let pending = narrow.filter((signal) => !isDepartment(signal));
  // a place or word may join through another that joined before it: repeat while any joins
  for (let joined = true; joined; ) {
    joined = false;
    pending = pending.filter((signal) => {
      const did = joinBest(signal, groups);
      joined ||= did;
      return !did;
    });
  }
  // what no department's cell sees: chains among places and words alone
  for (const signal of pending) if (!joinBest(signal, groups.filter((group) => !group.some(isDepartment)))) groups.push([signal]);
  for (const signal of signals.filter((s) => cellRank(s) === 3).sort(naming)) if (!joinBest(signal, groups)) groups.push([signal]);

  return groups
    .map((cells) => {
      const [primary, ...rest] = [...cells].sort(naming) as [CellSignal, ...CellSignal[]];
      const others = rest.sort(byEvidence);
      const own = sets.get(primary)!;
      // the hospital's category counts every complaint of its kind: beside a narrower view, only the
      // complaints that view sees are the problem's evidence, not the whole category's week
      const seeing = [primary, ...others].sort(byEvidence).filter((signal) => signal === primary || (signal.kind !== 'emerging_term' && mostlyWithin(sets.get(signal)!, own, minOverlap)));
      const narrowSeeing = seeing.filter((signal) => cellRank(signal) < 3);
      const records = [...new Set((narrowSeeing.length > 0 ? narrowSeeing : seeing).flatMap((signal) => signal.records))];
      const group: SignalGroup = { primary, members: [primary, ...others], records };
      return { group, strongest: [...cells].sort(byEvidence)[0]! };
    })
    .sort((a, b) => byEvidence(a.strongest, b.strongest))
    .map(({ group }) => group);
}
