/**
 * Data-quality faults of the kinds real exports carry, injected into a handful of rows and listed
 * in faults.json so tests can check the pipeline quarantines exactly those.
 */

export interface FaultPlan {
  fault: string;
  column: string;
  /** Where in the file to look for a suitable row, 0..1. */
  at: number;
  /** The faulty value, from the row's current cells. */
  value: (row: Readonly<Record<string, string>>) => string;
  /** Extra condition on the row and its successor. */
  when?: (row: Readonly<Record<string, string>>, next: Readonly<Record<string, string>> | undefined, index: number) => boolean;
}

export interface FaultRecord {
  file: string;
  /** Row as a spreadsheet shows it: 1-based, counting title and header rows (JSONL: line number). */
  row: number;
  id: string;
  column: string;
  value: string;
  fault: string;
}

export interface InjectOptions {
  file: string;
  /** Rows that must not be touched (planted records, rows shared with another export). */
  protect: (index: number) => boolean;
  /** Spreadsheet row number of a data row index. */
  rowNumber: (index: number) => number;
  idColumn: string;
}

/** Applies each plan to the first eligible row at or after its position; returns what was done. */
export function injectFaults(rows: Record<string, string>[], plans: readonly FaultPlan[], options: InjectOptions): { records: FaultRecord[]; touched: number[] } {
  const records: FaultRecord[] = [];
  const touched: number[] = [];
  const used = new Set<number>();
  for (const plan of plans) {
    const start = Math.floor(plan.at * rows.length);
    for (let k = 0; k < rows.length; k++) {
      const i = (start + k) % rows.length;
      const row = rows[i];
      if (!row || used.has(i) || used.has(i + 1) || used.has(i - 1) || options.protect(i)) continue;
      if (plan.when && !plan.when(row, rows[i + 1], i)) continue;
      const value = plan.value(row);
      row[plan.column] = value;
      used.add(i);
      touched.push(i);
      records.push({ file: options.file, row: options.rowNumber(i), id: row[options.idColumn] ?? '', column: plan.column, value, fault: plan.fault });
      break;
    }
  }
  return { records, touched };
}
