/** A stretch of time: the records counted in it and the days it covers. */
export interface CountedDays {
  records: number;
  days: number;
}

/**
 * Records per day over one or more stretches pooled: their records over their days, so a month
 * that runs only to the as-of date (37 records in 15 days) compares fairly with whole months (67
 * in 31). Stretches the data do not cover (0 days) are left out; null when none is covered.
 *
 * @example dailyRate([{ records: 37, days: 15 }]) // 2.4667
 * @example dailyRate([{ records: 67, days: 31 }, { records: 60, days: 30 }, { records: 0, days: 0 }]) // 127 / 61
 */
export function dailyRate(stretches: readonly CountedDays[]): number | null {
  let records = 0;
  let days = 0;
  for (const stretch of stretches) {
    if (!Number.isInteger(stretch.days) || stretch.days < 0 || !(stretch.records >= 0)) throw new RangeError('dailyRate requires records >= 0 and whole days >= 0');
    if (stretch.days === 0) continue;
    records += stretch.records;
    days += stretch.days;
  }
  return days === 0 ? null : records / days;
}
