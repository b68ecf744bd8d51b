/**
 * Generates the shipped sample data: four hospitals' (two campuses of one) feedback and survey exports with planted
 * problems, normal seasonal rises, personal data to redact and a few faulty rows, plus the
 * ground truth (planted.json, faults.json, pii.json) and a README.
 *
 * Deterministic: the same options give byte-identical files (fixed seed, no clock, no locale).
 *
 * @example
 * npx tsx data/generator/generate.ts --out data/sample
 * await generateSample({ out: tmp, from: '2025-01-01', to: '2025-06-30', scale: 0.2 });
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomically } from '../../pipeline/publish/output-file.ts';
import { civilFromDay, dayOf, dayOfStamp } from './dates.ts';
import { exportCn, exportCnEast, exportUk, exportVn, registerExportTime, type ExportedFile } from './exports.ts';
import type { FaultRecord } from './faults.ts';
import { baselineEvents, type DayRange } from './feedback.ts';
import { sampleFixes } from './fixes.ts';
import { departmentByKey } from './departments.ts';
import { holdOver } from './handling.ts';
import { HOSPITALS } from './hospitals.ts';
import { assignIds } from './ids.ts';
import type { FeedbackEvent, HospitalId } from './model.ts';
import { NORMAL_RISES, PLANTED, plantedEvents } from './planted.ts';
import { plantedEventRecords, PLANTED_EVENTS } from './planted-events.ts';
import { Rng } from '../../pipeline/detect/prng.ts';
import { sampleReadme } from './readme.ts';
import { SURVEY_DETERIORATION, SURVEY_ITEMS, surveyResponses, type SurveyResponse } from './survey.ts';

export interface SampleOptions {
  /** Output folder; replaced as a whole when the run succeeds. */
  out: string;
  from: string;
  to: string;
  /** Multiplies the baseline volumes (planted problems keep their size). */
  scale: number;
  seed: string;
}

export const SAMPLE_DEFAULTS: SampleOptions = {
  out: 'data/sample',
  from: '2024-01-01',
  to: '2026-11-15',
  scale: 1,
  seed: 'hearken-sample-v1',
};

export interface PlantedTruth {
  id: string;
  /** The hospital as the pipeline names it: its folder. */
  hospital: string;
  sources: string[];
  files: string[];
  department: string;
  description: string;
  category: string;
  location: string;
  keywords: readonly string[];
  onset: string;
  end: string;
  extra_records: number;
  record_ids: string[];
  survey?: {
    file: string;
    department: string;
    section: string;
    items: string[];
    start: string;
    end: string;
    latent_drop: number;
    responses_in_window: number;
    comment_response_ids: string[];
  };
}

export interface SampleSummary {
  options: SampleOptions;
  files: ExportedFile[];
  faults: FaultRecord[];
  planted: PlantedTruth[];
}

/**
 * The truth of the planted single events: the serious records a sentinel should raise
 * (`sentinels`), and the decoys beside the normal rises (`decoys`): records with a harmless sense
 * of a serious word, and one-day blips, each as a normal rise is described.
 */
function plantedEventTruth(all: readonly FeedbackEvent[], range: DayRange) {
  const specs = PLANTED_EVENTS.filter((spec) => dayOf(spec.day) >= range.from && dayOf(spec.day) <= range.to);
  const ids = (id: string) => all.filter((ev) => ev.planted === id).map((ev) => ev.id);
  const department = (spec: (typeof specs)[number]) => departmentByKey(spec.hospital, spec.deptKey).name;
  return {
    sentinels: specs.filter((spec) => spec.role === 'serious').map((spec) => ({ id: spec.id, hospital: HOSPITALS[spec.hospital].folder, record_id: ids(spec.id)[0]!, day: spec.day, event_class: spec.eventClass! })),
    decoys: specs
      .filter((spec) => spec.role !== 'serious')
      .map((spec) => ({
        id: spec.id,
        hospital: HOSPITALS[spec.hospital].folder,
        kind: spec.role === 'blip' ? 'one_day_blip' : 'harmless_words',
        sources: spec.role === 'blip' ? [spec.source] : [],
        departments: spec.role === 'blip' ? [department(spec)] : [],
        keywords: [],
        start: spec.day,
        end: spec.day,
        record_ids: spec.role === 'harmless' ? ids(spec.id) : [],
      })),
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function generateSample(overrides: Partial<SampleOptions> = {}): Promise<SampleSummary> {
  const options: SampleOptions = { ...SAMPLE_DEFAULTS, ...overrides };
  const range: DayRange = { from: dayOf(options.from), to: dayOf(options.to), scale: options.scale };
  if (range.to < range.from) throw new Error(`generateSample: to (${options.to}) is before from (${options.from})`);
  if (!(options.scale > 0)) throw new Error(`generateSample: scale must be positive, got ${options.scale}`);
  const root = new Rng(options.seed);

  // keyed by hospital and source: the two Chinese campuses each have a `hospital_hotline`
  const bySource = new Map<string, FeedbackEvent[]>();
  const keyOf = (hospital: HospitalId, source: string) => `${hospital}/${source}`;
  for (const hospital of Object.values(HOSPITALS)) {
    for (const source of hospital.sources) bySource.set(keyOf(hospital.id, source.name), baselineEvents(root, hospital, source, range));
  }
  const planted = PLANTED.filter((p) => dayOf(p.onset) <= range.to && dayOf(p.end) >= range.from);
  for (const spec of planted) {
    for (const ev of plantedEvents(root, spec, range)) bySource.get(keyOf(ev.hospital, ev.source))?.push(ev);
  }
  for (const ev of plantedEventRecords(root, range)) bySource.get(keyOf(ev.hospital, ev.source))?.push(ev);
  for (const events of bySource.values()) assignIds(root, events[0]?.source ?? '', events);
  holdOverYearEnd(root.fork('cn/year-end'), bySource.get(keyOf('cn', 'hospital_hotline')) ?? [], range);
  const survey = surveyResponses(root, range);

  const target = resolve(options.out);
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // one folder per hospital, the first-level folders the contract reads a record's hospital from
  for (const hospital of Object.values(HOSPITALS)) mkdirSync(join(staging, hospital.folder));
  const ctx = { out: staging, from: range.from, to: range.to };
  const events = (hospital: HospitalId, name: string) => bySource.get(keyOf(hospital, name)) ?? [];
  const cn = await exportCn(ctx, events('cn', 'hospital_hotline'), events('cn', 'gov_12345'));
  const cnEast = await exportCnEast(ctx, events('cn_east', 'hospital_hotline'));
  const vn = await exportVn(ctx, events('vn', 'sonnam_y_kien_nguoi_benh'), survey);
  const uk = await exportUk(ctx, events('uk', 'pals'));
  const files = [...cn.files, ...cnEast.files, ...vn.files, ...uk.files];
  // what two hospitals recorded as fixed, for the review of fixes (one worked, one did not)
  for (const [hospital, csv] of sampleFixes(new Set(planted.map((p) => p.id)))) await writeFileAtomically(join(staging, HOSPITALS[hospital].folder, 'fixes.csv'), csv);
  const faults = [...cn.faults, ...cnEast.faults, ...vn.faults, ...uk.faults];

  const all = [...bySource.values()].flat();
  const filesWith = (ev: FeedbackEvent) => files.filter((f) => f.kind === 'feedback' && f.hospital === ev.hospital && f.source.startsWith(ev.source) && f.ids.has(ev.id)).map((f) => f.path);
  const truth = planted.map((spec): PlantedTruth => {
    const records = all.filter((ev) => ev.planted === spec.id);
    const t: PlantedTruth = {
      id: spec.id,
      hospital: HOSPITALS[spec.hospital].folder,
      sources: [...new Set(records.map((ev) => ev.source))].sort(),
      files: [...new Set(records.flatMap(filesWith))].sort(),
      department: spec.department,
      description: spec.description,
      category: spec.category,
      location: spec.location,
      keywords: spec.keywords,
      onset: spec.onset,
      end: spec.end,
      extra_records: records.length,
      record_ids: records.map((ev) => ev.id),
    };
    if (spec.id === SURVEY_DETERIORATION.plantedId) t.survey = surveyTruth(survey, vn.files);
    return t;
  });

  const eventTruth = plantedEventTruth(all, range);

  const pii = all
    .filter((ev) => ev.pii.length > 0)
    .sort((a, b) => a.receivedAt - b.receivedAt)
    .flatMap((ev) => filesWith(ev).flatMap((file) => ev.pii.map((p) => ({ file, id: ev.id, type: p.type, value: p.value }))));

  const period = { from: options.from, to: options.to, scale: options.scale, seed: options.seed };
  await writeFileAtomically(
    join(staging, 'planted.json'),
    json({
      about: 'Ground truth for tests and evaluation; the pipeline must not read this file. Record ids are the ids of the extra records added for each planted problem.',
      ...period,
      planted: truth,
      normal_rises: NORMAL_RISES.filter((r) => dayOf(r.start) <= range.to && dayOf(r.end) >= range.from).map((r) => ({ ...r, hospital: HOSPITALS[r.hospital].folder })),
      ...eventTruth,
    }),
  );
  await writeFileAtomically(
    join(staging, 'faults.json'),
    json({
      about: 'Rows deliberately broken, as real exports are. `row` is the row as a spreadsheet shows it (1-based, counting title and header rows); for JSONL the line number. The pipeline must not read this file.',
      ...period,
      faults,
      reexport: cn.reexport ?? null,
    }),
  );
  await writeFileAtomically(join(staging, 'pii.json'), json({ about: 'Personal data planted in texts, for redaction tests. The pipeline must not read this file.', ...period, items: pii }));
  // each hospital's files are read in its own zone (the UK export carries offsets)
  await writeFileAtomically(
    join(staging, 'hearken.config.json'),
    json({
      timezone: HOSPITALS.cn.timeZone,
      timezones: Object.fromEntries(Object.values(HOSPITALS).map((h) => [`${h.folder}/**`, h.timeZone])),
    }),
  );
  await writeFileAtomically(join(staging, 'README.md'), sampleReadme({ options, files, faults, planted: truth, piiCount: pii.length, reexport: cn.reexport }));

  rmSync(target, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  renameSync(staging, target);
  return { options, files, faults, planted: truth };
}

/**
 * A few complaints from the last fortnight of the first year stay open past the first register
 * export and close in January, so the re-exported overlap carries updated versions of them.
 */
function holdOverYearEnd(rng: Rng, events: FeedbackEvent[], range: DayRange): void {
  const year = civilFromDay(range.from).y;
  if (civilFromDay(range.to).y === year) return;
  const exportedAt = registerExportTime(year, 0);
  const from = dayOf(`${year}-12-18`);
  const to = dayOf(`${year}-12-31`);
  const candidates = events.filter((ev) => {
    const day = dayOfStamp(ev.receivedAt);
    const life = ev.lifecycle;
    return day >= from && day <= to && ev.kind === 'complaint' && ev.planted === null && life.respondedAt !== null && life.respondedAt < exportedAt && life.resolvedAt !== null && life.resolvedAt <= exportedAt;
  });
  for (const ev of rng.shuffled(candidates).slice(0, 4)) ev.lifecycle = holdOver(rng, ev.lifecycle, exportedAt);
}

function surveyTruth(survey: readonly SurveyResponse[], files: readonly ExportedFile[]): NonNullable<PlantedTruth['survey']> {
  const d = SURVEY_DETERIORATION;
  const start = dayOf(d.start);
  const end = dayOf(d.end);
  const inWindow = survey.filter((r) => r.deptKey === d.deptKey && dayOfStamp(r.submittedAt) >= start && dayOfStamp(r.submittedAt) <= end);
  const count = Math.max(SURVEY_ITEMS.inpatient.c, SURVEY_ITEMS.outpatient.c);
  return {
    file: files.find((f) => f.kind === 'survey')?.path ?? '',
    department: d.department,
    section: d.section.toUpperCase(),
    items: Array.from({ length: count }, (_, i) => `q_${d.section}${i + 1}`),
    start: d.start,
    end: d.end,
    latent_drop: d.drop,
    responses_in_window: inWindow.length,
    comment_response_ids: inWindow.filter((r) => r.planted !== null).map((r) => r.responseId),
  };
}

function parseArgs(argv: readonly string[]): Partial<SampleOptions> {
  const out: Partial<SampleOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === undefined) continue;
    if (value === undefined) throw new Error(`generate: ${flag} needs a value`);
    i++;
    if (flag === '--out') out.out = value;
    else if (flag === '--from') out.from = value;
    else if (flag === '--to') out.to = value;
    else if (flag === '--seed') out.seed = value;
    else if (flag === '--scale') out.scale = Number(value);
    else throw new Error(`generate: unknown option ${flag}`);
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const summary = await generateSample(parseArgs(process.argv.slice(2)));
  const seconds = (performance.now() - started) / 1000;
  for (const f of summary.files) process.stdout.write(`${f.path}\t${f.rows} rows\t${(f.bytes / 1e6).toFixed(2)} MB\n`);
  process.stdout.write(`${summary.planted.length} planted problems, ${summary.faults.length} faulty rows, written to ${summary.options.out} in ${seconds.toFixed(1)} s\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
