/**
 * Baseline feedback records: for every day and department, a negative-binomial count around a
 * smooth rate (volume trend x weekday x holiday x season), then one record per count with its
 * channel, kind, category, place, text and handling history.
 *
 * Every (source, day) pair draws from its own random stream, so a day's records do not depend
 * on the date range generated.
 */
import { dengueBump, holidayFactor, summerDip, weekdayFactor, winterBump } from './calendars.ts';
import { dayOf, pad, civilFromDay, stampOf } from './dates.ts';
import { DEFAULT_MIX, DEPARTMENTS, type DepartmentSpec } from './departments.ts';
import { lifecycle } from './handling.ts';
import type { HospitalSpec, SourceSpec } from './hospitals.ts';
import type { Category, FeedbackEvent, Kind } from './model.ts';
import type { Rng } from '../../pipeline/detect/prng.ts';
import { composeText, deptPlaces } from './text/compose.ts';

export interface DayRange {
  from: number;
  to: number;
  scale: number;
}

const START = dayOf('2024-01-01');
/** Overdispersion of daily counts (negative binomial size): variance = m + m²/size. */
const DISPERSION = 12;

/** Expected records a day for one department of one source. */
export function departmentRate(hospital: HospitalSpec, source: SourceSpec, dept: DepartmentSpec, day: number, totalWeight: number): number {
  if (dept.since !== undefined && day < dayOf(dept.since)) return 0;
  const acute = dept.acute ?? false;
  const years = (day - START) / 365.25;
  let rate = (source.perDay * dept.weight) / totalWeight;
  rate *= Math.pow(source.growthPerYear, years);
  rate *= weekdayFactor(hospital.country, day, acute);
  rate *= holidayFactor(hospital.country, day, acute);
  rate *= 1 + (dept.winter ?? 0) * winterBump(day);
  rate *= 1 + (dept.dengue ?? 0) * dengueBump(day);
  if (!acute) rate *= summerDip(day);
  return rate;
}

const hourWeights: Record<string, readonly number[]> = {
  //            0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
  hotline:     [0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 7, 6, 2, 3, 6, 6, 5, 3, 1, 1, 0, 0, 0, 0],
  gov_hotline: [1, 0, 0, 0, 0, 0, 1, 2, 4, 6, 7, 6, 3, 4, 6, 6, 5, 4, 3, 3, 3, 2, 2, 1],
  walk_in:     [0, 0, 0, 0, 0, 0, 0, 2, 6, 8, 8, 6, 2, 4, 6, 6, 4, 1, 0, 0, 0, 0, 0, 0],
  acute:       [3, 3, 2, 2, 2, 2, 2, 3, 4, 5, 5, 5, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4],
  online:      [1, 1, 0, 0, 0, 0, 1, 2, 3, 4, 5, 5, 4, 4, 4, 4, 4, 4, 4, 5, 6, 6, 5, 3],
  suggestion_box: [0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
};

const hourTables = new Map<string, (readonly [number, number])[]>();
function hourTable(name: string): (readonly [number, number])[] {
  let table = hourTables.get(name);
  if (!table) {
    const weights = hourWeights[name] ?? hourWeights.online ?? [];
    table = weights.map((w, h) => [h, w] as const).filter(([, w]) => w > 0);
    hourTables.set(name, table);
  }
  return table;
}

/** Seconds after midnight at which a record of this channel arrives. */
export function timeOfDay(rng: Rng, channel: string, acute: boolean, window?: readonly [number, number]): number {
  let hour: number;
  if (window) {
    const [start, end] = window;
    const span = (end - start + 24) % 24 || 24;
    hour = (start + rng.int(0, span - 1)) % 24;
  } else {
    const name = channel === 'walk_in' && acute ? 'acute' : channel in hourWeights ? channel : 'online';
    hour = rng.weighted(hourTable(name));
  }
  return hour * 3600 + rng.int(0, 59) * 60 + rng.int(0, 59);
}

const otherKindCategory: Record<Exclude<Kind, 'complaint'>, readonly (readonly [Category, number])[]> = {
  consultation: [['process', 60], ['cost', 28], ['facility', 12]],
  suggestion: [['facility', 45], ['process', 45], ['attitude', 10]],
  praise: [['attitude', 60], ['quality', 40]],
};

export function pickCategory(rng: Rng, dept: DepartmentSpec, kind: Kind, day: number): Category {
  if (kind !== 'complaint') return rng.weighted(otherKindCategory[kind]);
  const mix = dept.mix ?? DEFAULT_MIX;
  const winterShift = (dept.winter ?? 0) > 0 ? 0.3 * winterBump(day) : 0;
  const items: [Category, number][] = [];
  for (const cat of ['process', 'attitude', 'quality', 'cost', 'facility'] as const) {
    items.push([cat, (mix[cat] ?? 0) + (cat === 'process' ? winterShift : 0)]);
  }
  return rng.weighted(items);
}

export function departmentString(rng: Rng, dept: DepartmentSpec, source: SourceSpec): string {
  for (const [variant, share] of dept.variants ?? []) {
    if (rng.chance(share * source.variantUse)) return variant;
  }
  return dept.name;
}

export interface RecordOverrides {
  kind?: Kind;
  category?: Category;
  channel?: string;
  department?: string;
  location?: string;
  /** Probability that `location` is written in the location column. */
  locationShare?: number;
  hours?: readonly [number, number];
  text?: (rng: Rng) => string;
  planted?: string;
  slowdown?: number;
}

/** The Vietnamese office's spelling of a channel: Facebook, Zalo OA, TikTok or YouTube for social; some hotline calls are its callbacks. */
function vietnameseChannel(rng: Rng, channel: string): string {
  if (channel === 'social') return rng.weighted([['Facebook', 55], ['Zalo OA', 35], ['TikTok', 7], ['YouTube', 3]] as const);
  if (channel === 'hotline' && rng.chance(0.2)) return 'Gọi điện sau ra viện';
  return channel;
}

/** One record of a department on a day; planted problems pass their own wording and place. */
export function buildRecord(rng: Rng, hospital: HospitalSpec, source: SourceSpec, dept: DepartmentSpec, day: number, o: RecordOverrides = {}): FeedbackEvent {
  let channel = o.channel ?? rng.weighted(source.channels);
  const kind = o.kind ?? rng.weighted(source.kinds);
  const category = o.category ?? pickCategory(rng, dept, kind, day);
  const receivedAt = stampOf(day, 0, 0) + timeOfDay(rng, channel, dept.acute ?? false, o.hours);
  const places = deptPlaces(hospital.lang, dept.key);
  let location = '';
  let place = '';
  if (o.location !== undefined) {
    place = o.location;
    location = rng.chance(o.locationShare ?? 0.75) ? o.location : '';
  } else if (places.length > 0 && rng.chance(source.locationShare)) {
    place = rng.pick(places);
    location = place;
  }
  const composed = o.text
    ? { text: o.text(rng), pii: [] }
    : composeText(hospital.lang, { kind, category, deptKey: dept.key, place, channel, source: source.name, day }, rng, source.piiRate);
  if (hospital.id === 'cn' && source.name === 'hospital_hotline' && channel === 'social' && rng.chance(0.1)) {
    channel = rng.pick(['微信公众号', '微博']);
  }
  // written as the office writes it: the Vietnamese hospital names its platform and logs the
  // complaints its after-discharge calls bring up (from a stream of its own: the rest stays as it was)
  if (hospital.id === 'vn') channel = vietnameseChannel(rng.fork(`channel/${source.name}/${receivedAt}`), channel);
  return {
    hospital: hospital.id,
    source: source.name,
    id: '',
    receivedAt,
    channel,
    kind,
    deptKey: dept.key,
    department: o.department ?? departmentString(rng, dept, source),
    location,
    category,
    showCategory: !rng.chance(source.categoryBlank),
    text: composed.text,
    lifecycle: lifecycle(rng, receivedAt, kind, category, source.name, channel, o.slowdown ?? 1),
    planted: o.planted ?? null,
    pii: composed.pii,
  };
}

/** The ordinary flow of feedback of one source over a date range. */
export function baselineEvents(root: Rng, hospital: HospitalSpec, source: SourceSpec, range: DayRange): FeedbackEvent[] {
  const departments = DEPARTMENTS[hospital.id];
  let totalWeight = 0;
  for (const d of departments) totalWeight += d.weight;
  const events: FeedbackEvent[] = [];
  for (let day = range.from; day <= range.to; day++) {
    const { y, m, d } = civilFromDay(day);
    const rng = root.fork(`${hospital.id}/${source.name}/${y}-${pad(m)}-${pad(d)}`);
    for (const dept of departments) {
      const mean = departmentRate(hospital, source, dept, day, totalWeight) * range.scale;
      const count = rng.negBinomial(mean, DISPERSION);
      for (let i = 0; i < count; i++) events.push(buildRecord(rng, hospital, source, dept, day));
    }
  }
  return events;
}
