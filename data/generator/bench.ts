/**
 * Large contract-shaped inputs for the benchmarks: N feedback rows (Chinese, Vietnamese and
 * English texts from the same composers as the sample) or N survey responses, streamed to a
 * UTF-8 CSV with a header row in multi-megabyte chunks.
 *
 * @example
 * await writeBenchFeedbackCsv('/tmp/feedback.csv', 1_000_000); // about 10 s
 */
import { open } from 'node:fs/promises';
import { dayOf, formatStamp, stampOf } from './dates.ts';
import { DEPARTMENTS, type DepartmentSpec } from './departments.ts';
import { buildRecord } from './feedback.ts';
import { snapshot } from './handling.ts';
import { HOSPITALS, type HospitalSpec, type SourceSpec } from './hospitals.ts';
import { FEEDBACK_COLUMNS, type HospitalId } from './model.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { oneResponse, SURVEY_COLUMNS, surveyModeOf } from './survey.ts';
import { csvLine } from './writers/csv.ts';

const defaults = {
  seed: 20261123,
  /** Characters buffered before each write. */
  chunkChars: 1_000_000,
  hospitalMix: [['cn', 45], ['vn', 25], ['uk', 30]] as const,
};

/** The days the records fall on (inclusive, YYYY-MM-DD) and the prefix of their ids: a later day's file needs ids of its own. */
export interface BenchSpan {
  from: string;
  to: string;
  idPrefix: string;
}

/** Three years of history to mid-November 2026. */
export const BENCH_HISTORY = { from: '2024-01-01', to: '2026-11-15' } as const;

interface Picker {
  hospital: HospitalSpec;
  sources: (readonly [SourceSpec, number])[];
  departments: (readonly [DepartmentSpec, number])[];
}

function pickers(): Record<HospitalId, Picker> {
  const make = (id: HospitalId): Picker => ({
    hospital: HOSPITALS[id],
    sources: HOSPITALS[id].sources.map((s) => [s, s.perDay] as const),
    departments: DEPARTMENTS[id].map((d) => [d, d.weight] as const),
  });
  return { cn: make('cn'), cn_east: make('cn_east'), vn: make('vn'), uk: make('uk') };
}

async function streamCsv(path: string, header: readonly string[], rows: number, line: (i: number) => string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    let lines: string[] = [csvLine(header)];
    let chars = 0;
    for (let i = 0; i < rows; i++) {
      const l = line(i);
      lines.push(l);
      chars += l.length + 1;
      if (chars >= defaults.chunkChars) {
        await handle.write(lines.join('\n') + '\n');
        lines = [];
        chars = 0;
      }
    }
    if (lines.length > 0) await handle.write(lines.join('\n') + '\n');
  } finally {
    await handle.close();
  }
}

/**
 * Writes `rows` feedback records (contract 1.1 columns) to a UTF-8 CSV; ids are unique per source.
 * `hospitals` limits them to some hospitals (one language, for a language's benchmark); `span`
 * sets their days (default: the three years of BENCH_HISTORY) and their ids' prefix (default B);
 * `departments` keeps the first N of a hospital's departments (the site bench's 40 in one folder).
 */
export async function writeBenchFeedbackCsv(
  path: string,
  rows: number,
  seed: number = defaults.seed,
  hospitals: readonly HospitalId[] = ['cn', 'vn', 'uk'],
  span: BenchSpan = { ...BENCH_HISTORY, idPrefix: 'B' },
  departments: Partial<Record<HospitalId, number>> = {},
): Promise<void> {
  const rng = new Rng(`bench-feedback/${seed}`);
  const byHospital = pickers();
  for (const [id, first] of Object.entries(departments) as [HospitalId, number][]) byHospital[id].departments = byHospital[id].departments.slice(0, first);
  const mix = defaults.hospitalMix.filter(([id]) => hospitals.includes(id));
  const [from, to] = [dayOf(span.from), dayOf(span.to)];
  const asOf = stampOf(to, 23, 59, 59);
  await streamCsv(path, FEEDBACK_COLUMNS, rows, (i) => {
    const p = byHospital[rng.weighted(mix)];
    const source = rng.weighted(p.sources);
    const dept = rng.weighted(p.departments);
    const ev = buildRecord(rng, p.hospital, source, dept, rng.int(from, to));
    const view = snapshot(ev.receivedAt, ev.lifecycle, asOf);
    return csvLine([
      `${span.idPrefix}${i}`,
      ev.source,
      formatStamp(ev.receivedAt),
      ev.channel,
      ev.kind,
      ev.department,
      ev.location,
      ev.showCategory ? ev.category : '',
      ev.text,
      view.status,
      view.respondedAt === null ? '' : formatStamp(view.respondedAt),
      view.resolvedAt === null ? '' : formatStamp(view.resolvedAt),
      view.satisfied,
      view.solved,
    ]);
  });
}

/** Writes `rows` survey responses (contract 1.2 columns, MoH items) to a UTF-8 CSV; `span` as for feedback (default id prefix S). */
export async function writeBenchSurveyCsv(
  path: string,
  rows: number,
  seed: number = defaults.seed,
  span: BenchSpan = { ...BENCH_HISTORY, idPrefix: 'S' },
): Promise<void> {
  const rng = new Rng(`bench-survey/${seed}`);
  const departments = DEPARTMENTS.vn.filter((d) => d.survey !== undefined).map((d) => [d, d.survey?.weight ?? 0] as const);
  const [from, to] = [dayOf(span.from), dayOf(span.to)];
  await streamCsv(path, SURVEY_COLUMNS, rows, (i) => {
    const r = oneResponse(rng, rng.weighted(departments), rng.int(from, to));
    const responseId = `${span.idPrefix}${i}`;
    const cells = [responseId, formatStamp(r.submittedAt, false), r.department, r.patientType, surveyModeOf({ responseId, patientType: r.patientType })];
    for (const v of r.answers) cells.push(v === null ? '' : String(v));
    cells.push(r.overall === null ? '' : String(r.overall), r.recommend === null ? '' : String(r.recommend), r.comment);
    return csvLine(cells);
  });
}
