/**
 * The files each hospital's office would hand over: which records go into which export, as of
 * when, in which format and encoding, with the faults real exports carry.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../../pipeline/publish/output-file.ts';
import { civilFromDay, dayOf, dayOfStamp, formatStamp, formatUkIso, isoDate, pad, stampOf } from './dates.ts';
import { injectFaults, type FaultPlan, type FaultRecord } from './faults.ts';
import { snapshot } from './handling.ts';
import { HOSPITALS } from './hospitals.ts';
import { FEEDBACK_COLUMNS, type FeedbackEvent, type FeedbackRow, type HospitalId } from './model.ts';
import { SURVEY_COLUMNS, SURVEY_ITEM_COLUMNS, surveyModeOf, type SurveyResponse } from './survey.ts';
import { csvText, encodeText } from './writers/csv.ts';
import { writeJsonl } from './writers/jsonl.ts';
import { writeParquet } from './writers/parquet.ts';
import { writeXlsx } from './writers/xlsx.ts';

export interface ExportedFile {
  path: string;
  hospital: HospitalId;
  kind: 'feedback' | 'survey';
  format: string;
  encoding: string;
  source: string;
  from: string;
  to: string;
  asOf: string;
  rows: number;
  bytes: number;
  /** Ids written to this file, by record, for the ground-truth lists. */
  ids: ReadonlySet<string>;
}

/**
 * When the register's yearly files were exported: the first in the second week of January (its
 * last weeks are exported again with the next year), later ones once the year's cases had settled,
 * in the first week of February, so that only the slowest December cases still show open.
 */
export function registerExportTime(year: number, index: number): number {
  return stampOf(dayOf(index === 0 ? `${year + 1}-01-09` : `${year + 1}-02-05`), 9, 30);
}

export interface ExportContext {
  out: string;
  from: number;
  to: number;
}

export interface ExportResult {
  files: ExportedFile[];
  faults: FaultRecord[];
  reexport?: { files: [string, string]; overlap_from: string; overlap_to: string; overlapping_ids: number; changed_ids: string[] };
}

const TIMESTAMP_COLUMNS = new Set(['received_at', 'responded_at', 'resolved_at']);

function row(ev: FeedbackEvent, asOf: number, fmt: (stamp: number) => string, writeSource: boolean): FeedbackRow {
  const view = snapshot(ev.receivedAt, ev.lifecycle, asOf);
  return {
    id: ev.id,
    source: writeSource ? ev.source : '',
    received_at: fmt(ev.receivedAt),
    channel: ev.channel,
    kind: ev.kind,
    department: ev.department,
    location: ev.location,
    category: ev.showCategory ? ev.category : '',
    text: ev.text,
    status: view.status,
    responded_at: view.respondedAt === null ? '' : fmt(view.respondedAt),
    resolved_at: view.resolvedAt === null ? '' : fmt(view.resolvedAt),
    satisfied: view.satisfied,
    solved: view.solved,
  };
}

function endOfDay(day: number): number {
  return stampOf(day, 23, 59, 59);
}

function yearsOf(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = civilFromDay(from).y; y <= civilFromDay(to).y; y++) years.push(y);
  return years;
}

function fileInfo(ctx: ExportContext, rel: string, base: Omit<ExportedFile, 'path' | 'bytes'>): ExportedFile {
  return { ...base, path: rel, bytes: statSync(join(ctx.out, rel)).size };
}

/** Year-shifted typo of a timestamp: the classic resolved-before-received row. */
function yearEarlier(stamp: string): string {
  return stamp.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
}

/** The Chinese hospital: yearly GB18030 register exports (2025 re-exports late 2024) and the 12345 work orders. */
export async function exportCn(ctx: ExportContext, register: FeedbackEvent[], orders: FeedbackEvent[]): Promise<ExportResult> {
  const files: ExportedFile[] = [];
  const faults: FaultRecord[] = [];
  const years = yearsOf(ctx.from, ctx.to);
  const firstYear = years[0] ?? 2024;
  const rowsByFile = new Map<string, FeedbackRow[]>();
  const overlapFrom = dayOf(`${firstYear}-12-11`);
  const overlapTo = dayOf(`${firstYear}-12-31`);
  /** Rows exported twice must stay identical but for their handling state: no faults there. */
  const inOverlap = (ev: FeedbackEvent) => years.length > 1 && dayOfStamp(ev.receivedAt) >= overlapFrom && dayOfStamp(ev.receivedAt) <= overlapTo;

  const registerFaults: Record<number, FaultPlan[]> = {
    0: [
      { fault: 'empty text', column: 'text', at: 0.31, value: () => '' },
      { fault: 'received_at is not a date', column: 'received_at', at: 0.58, value: (r) => `${(r.received_at ?? '').slice(0, 4)}-13-45` },
    ],
    1: [
      { fault: 'satisfied is not yes/no/pending', column: 'satisfied', at: 0.44, value: () => '已回访', when: (r) => r.status === 'closed' },
    ],
    2: [
      { fault: 'received_at in the future', column: 'received_at', at: 0.4, value: (r) => formatStamp(stampOf(ctx.to + 26, 0, 0) + (Number((r.received_at ?? '').slice(11, 13)) || 9) * 3600) },
    ],
  };

  for (const [k, y] of years.entries()) {
    const start = k === 1 ? Math.max(ctx.from, dayOf(`${y - 1}-12-11`)) : Math.max(ctx.from, dayOf(`${y}-01-01`));
    const end = Math.min(ctx.to, dayOf(`${y}-12-31`));
    const asOf = end < ctx.to ? registerExportTime(y, k) : endOfDay(ctx.to);
    const events = register.filter((ev) => {
      const d = dayOfStamp(ev.receivedAt);
      return d >= start && d <= end;
    });
    const rows = events.map((ev) => row(ev, asOf, (s) => formatStamp(s), true));
    const rel = `${HOSPITALS.cn.folder}/jiangzhou_complaints_${y}.csv`;
    const protect = (i: number) => {
      const ev = events[i];
      return ev === undefined || ev.planted !== null || inOverlap(ev);
    };
    const injected = injectFaults(rows, registerFaults[k] ?? [], { file: rel, protect, rowNumber: (i) => i + 2, idColumn: 'id' });
    faults.push(...injected.records);
    const broken = new Set<number>();
    if (k === 1) {
      const quote = injectFaults(
        rows,
        [{ fault: 'unterminated quote: the text cell opens a quote that never closes', column: 'text', at: 0.55, value: (r) => r.text ?? '', when: (_r, next, i) => next !== undefined && /[",]/.test(next.text ?? '') && !protect(i + 1) && !injected.touched.includes(i + 1) }],
        { file: rel, protect, rowNumber: (i) => i + 2, idColumn: 'id' },
      );
      for (const i of quote.touched) {
        broken.add(i);
        const next = rows[i + 1];
        faults.push(...quote.records, { file: rel, row: i + 3, id: next?.id ?? '', column: 'text', value: next?.text ?? '', fault: 'swallowed by the unterminated quote of the previous row' });
      }
    }
    const text = csvText(FEEDBACK_COLUMNS, rows, { eol: '\r\n', bom: false, encoding: 'gb18030', brokenQuoteRows: broken, brokenColumn: 'text' });
    await writeFileAtomically(join(ctx.out, rel), encodeText(text, { bom: false, encoding: 'gb18030' }));
    rowsByFile.set(rel, rows);
    files.push(fileInfo(ctx, rel, { hospital: 'cn', kind: 'feedback', format: 'csv (CRLF)', encoding: 'GB18030', source: 'hospital_hotline', from: isoDate(start), to: isoDate(end), asOf: formatStamp(asOf, false), rows: rows.length, ids: new Set(rows.map((r) => r.id)) }));
  }

  const orderRows = orders.map((ev) => row(ev, endOfDay(ctx.to), (s) => formatStamp(s), true));
  const orderRel = `${HOSPITALS.cn.folder}/jiangzhou_12345_workorders.xlsx`;
  const orderProtect = (i: number) => orders[i]?.planted !== null;
  faults.push(
    ...injectFaults(
      orderRows,
      [
        { fault: 'empty text', column: 'text', at: 0.62, value: () => '' },
        { fault: 'resolved_at before received_at', column: 'resolved_at', at: 0.8, value: (r) => yearEarlier(r.resolved_at ?? ''), when: (r) => (r.resolved_at ?? '') !== '' },
      ],
      { file: orderRel, protect: orderProtect, rowNumber: (i) => i + 4, idColumn: 'id' },
    ).records,
  );
  const y0 = civilFromDay(ctx.from).y;
  const y1 = civilFromDay(ctx.to).y;
  await writeXlsx(join(ctx.out, orderRel), {
    sheet: '转办工单',
    preamble: [[`12345市民服务热线转办工单（${y0 === y1 ? y0 : `${y0}-${y1}`}）`], []],
    header: FEEDBACK_COLUMNS,
    rows: orderRows,
    dateColumns: TIMESTAMP_COLUMNS,
    dateFormat: 'yyyy-mm-dd hh:mm:ss',
    widths: { id: 14, received_at: 19, responded_at: 19, resolved_at: 19, department: 14, location: 16, text: 80 },
  });
  files.push(fileInfo(ctx, orderRel, { hospital: 'cn', kind: 'feedback', format: 'xlsx (title row, blank row, header on row 3)', encoding: 'xlsx', source: 'gov_12345', from: isoDate(ctx.from), to: isoDate(ctx.to), asOf: formatStamp(endOfDay(ctx.to), false), rows: orderRows.length, ids: new Set(orderRows.map((r) => r.id)) }));

  const result: ExportResult = { files, faults };
  const first = rowsByFile.get(`${HOSPITALS.cn.folder}/jiangzhou_complaints_${firstYear}.csv`);
  const second = rowsByFile.get(`${HOSPITALS.cn.folder}/jiangzhou_complaints_${firstYear + 1}.csv`);
  if (first && second) {
    const earlier = new Map(first.map((r) => [r.id, r]));
    let overlapping = 0;
    const changed: string[] = [];
    for (const r of second) {
      const old = earlier.get(r.id);
      if (!old) continue;
      overlapping++;
      if (FEEDBACK_COLUMNS.some((c) => old[c] !== r[c])) changed.push(r.id);
    }
    result.reexport = {
      files: [`${HOSPITALS.cn.folder}/jiangzhou_complaints_${firstYear}.csv`, `${HOSPITALS.cn.folder}/jiangzhou_complaints_${firstYear + 1}.csv`],
      overlap_from: isoDate(Math.max(ctx.from, overlapFrom)),
      overlap_to: `${firstYear}-12-31`,
      overlapping_ids: overlapping,
      changed_ids: changed,
    };
  }
  return result;
}

/**
 * The east campus: its register from the district hospital's system, one UTF-8 CSV (with BOM, CRLF)
 * of everything, exported at the end of the period, with the same id style as the main campus's.
 */
export async function exportCnEast(ctx: ExportContext, register: FeedbackEvent[]): Promise<ExportResult> {
  const asOf = endOfDay(ctx.to);
  const rows = register.map((ev) => row(ev, asOf, (s) => formatStamp(s), true));
  const rel = `${HOSPITALS.cn_east.folder}/dongyuan_complaints.csv`;
  const faults = injectFaults(rows, [{ fault: 'empty text', column: 'text', at: 0.47, value: () => '' }], { file: rel, protect: (i) => register[i]?.planted !== null, rowNumber: (i) => i + 2, idColumn: 'id' }).records;
  await writeFileAtomically(join(ctx.out, rel), encodeText(csvText(FEEDBACK_COLUMNS, rows, { eol: '\r\n', bom: true, encoding: 'utf8' }), { bom: true, encoding: 'utf8' }));
  return {
    faults,
    files: [fileInfo(ctx, rel, { hospital: 'cn_east', kind: 'feedback', format: 'csv (CRLF)', encoding: 'UTF-8 with BOM', source: 'hospital_hotline', from: isoDate(ctx.from), to: isoDate(ctx.to), asOf: formatStamp(asOf, false), rows: rows.length, ids: new Set(rows.map((r) => r.id)) })],
  };
}

function vnDate(day: number): string {
  const { y, m, d } = civilFromDay(day);
  return `${pad(d)}/${pad(m)}/${y}`;
}

/** The Vietnamese hospital: the feedback register as xlsx and the survey responses as UTF-8 CSV with BOM. */
export async function exportVn(ctx: ExportContext, feedback: FeedbackEvent[], survey: SurveyResponse[]): Promise<ExportResult> {
  const faults: FaultRecord[] = [];
  const rows = feedback.map((ev) => row(ev, endOfDay(ctx.to), (s) => formatStamp(s, false), false));
  const rel = `${HOSPITALS.vn.folder}/sonnam_y_kien_nguoi_benh.xlsx`;
  faults.push(
    ...injectFaults(
      rows,
      [
        { fault: 'empty text', column: 'text', at: 0.2, value: () => '' },
        { fault: 'received_at is not a date', column: 'received_at', at: 0.36, value: () => '2025-02-30 14:20' },
        { fault: 'satisfied is not yes/no/pending', column: 'satisfied', at: 0.7, value: () => 'đã gọi lại', when: (r) => r.status === 'closed' },
      ],
      { file: rel, protect: (i) => feedback[i]?.planted !== null, rowNumber: (i) => i + 4, idColumn: 'id' },
    ).records,
  );
  await writeXlsx(join(ctx.out, rel), {
    sheet: 'Sổ theo dõi',
    preamble: [['BỆNH VIỆN ĐA KHOA TỈNH SƠN NAM — SỔ THEO DÕI Ý KIẾN NGƯỜI BỆNH'], [`Từ ngày ${vnDate(ctx.from)} đến ngày ${vnDate(ctx.to)}`]],
    header: FEEDBACK_COLUMNS,
    rows,
    dateColumns: TIMESTAMP_COLUMNS,
    dateFormat: 'dd/mm/yyyy hh:mm',
    widths: { id: 12, received_at: 17, responded_at: 17, resolved_at: 17, department: 26, location: 24, text: 90 },
  });

  const surveyRows = survey.map((r) => {
    const cells: Record<string, string> = {
      response_id: r.responseId,
      submitted_at: formatStamp(r.submittedAt, false),
      department: r.department,
      patient_type: r.patientType,
      survey_mode: surveyModeOf(r),
      overall: r.overall === null ? '' : String(r.overall),
      recommend: r.recommend === null ? '' : String(r.recommend),
      comment: r.comment,
    };
    r.answers.forEach((v, i) => {
      cells[SURVEY_ITEM_COLUMNS[i] ?? ''] = v === null ? '' : String(v);
    });
    return cells;
  });
  const surveyRel = `${HOSPITALS.vn.folder}/sonnam_khao_sat_hai_long.csv`;
  faults.push(
    ...injectFaults(
      surveyRows,
      [
        { fault: 'survey answer out of range 1..5', column: 'q_c3', at: 0.45, value: () => '7', when: (r) => (r.q_c3 ?? '') !== '' },
        { fault: 'submitted_at is not a date', column: 'submitted_at', at: 0.35, value: (r) => `2025-02-29 ${(r.submitted_at ?? '').slice(11) || '09:40'}` },
      ],
      { file: surveyRel, protect: (i) => survey[i]?.planted !== null, rowNumber: (i) => i + 2, idColumn: 'response_id' },
    ).records,
  );
  await writeFileAtomically(join(ctx.out, surveyRel), encodeText(csvText(SURVEY_COLUMNS, surveyRows, { eol: '\n', bom: true, encoding: 'utf8' }), { bom: true, encoding: 'utf8' }));

  return {
    faults,
    files: [
      fileInfo(ctx, rel, { hospital: 'vn', kind: 'feedback', format: 'xlsx (title row, period row, header on row 3); source column blank', encoding: 'xlsx', source: 'sonnam_y_kien_nguoi_benh (from the file name)', from: isoDate(ctx.from), to: isoDate(ctx.to), asOf: formatStamp(endOfDay(ctx.to), false), rows: rows.length, ids: new Set(rows.map((r) => r.id)) }),
      fileInfo(ctx, surveyRel, { hospital: 'vn', kind: 'survey', format: 'csv (LF)', encoding: 'UTF-8 with BOM', source: 'sonnam_khao_sat_hai_long (from the file name)', from: isoDate(ctx.from), to: isoDate(ctx.to), asOf: formatStamp(endOfDay(ctx.to), false), rows: surveyRows.length, ids: new Set(surveyRows.map((r) => r.response_id ?? '')) }),
    ],
  };
}

/** The English hospital: the first year archived to Parquet by the old system, the rest as JSONL from the new one. */
export async function exportUk(ctx: ExportContext, events: FeedbackEvent[]): Promise<ExportResult> {
  const files: ExportedFile[] = [];
  const faults: FaultRecord[] = [];
  const firstYear = civilFromDay(ctx.from).y;
  const lastYear = civilFromDay(ctx.to).y;
  const cut = dayOf(`${firstYear + 1}-01-01`);
  const archived = firstYear < lastYear ? events.filter((ev) => dayOfStamp(ev.receivedAt) < cut) : [];
  const current = firstYear < lastYear ? events.filter((ev) => dayOfStamp(ev.receivedAt) >= cut) : events;

  const archivedAt = stampOf(cut + 2, 17, 0);
  if (archived.length > 0) {
    const rows = archived.map((ev) => row(ev, archivedAt, (s) => formatStamp(s), true));
    const rel = `${HOSPITALS.uk.folder}/kingsmere_pals_${firstYear}.parquet`;
    await writeParquet(join(ctx.out, rel), FEEDBACK_COLUMNS, rows, TIMESTAMP_COLUMNS);
    files.push(fileInfo(ctx, rel, { hospital: 'uk', kind: 'feedback', format: 'parquet (timestamps typed, local time)', encoding: 'parquet', source: 'pals', from: isoDate(ctx.from), to: isoDate(cut - 1), asOf: formatStamp(archivedAt, false), rows: rows.length, ids: new Set(rows.map((r) => r.id)) }));
  }

  // the new system took over the cases the old one still had open: they come again, as they stand now
  const carried = archived.filter((ev) => snapshot(ev.receivedAt, ev.lifecycle, archivedAt).status !== 'closed');
  const exported = [...carried, ...current];
  const startYear = firstYear < lastYear ? firstYear + 1 : firstYear;
  const rows = exported.map((ev) => row(ev, endOfDay(ctx.to), formatUkIso, true));
  const rel = `${HOSPITALS.uk.folder}/kingsmere_pals_${startYear === lastYear ? startYear : `${startYear}-${lastYear}`}.jsonl`;
  faults.push(
    ...injectFaults(
      rows,
      [
        { fault: 'received_at is not a date', column: 'received_at', at: 0.3, value: () => 'yesterday' },
        { fault: 'empty text', column: 'text', at: 0.5, value: () => '   ' },
        { fault: 'resolved_at before received_at', column: 'resolved_at', at: 0.6, value: (r) => yearEarlier(r.resolved_at ?? ''), when: (r) => (r.resolved_at ?? '') !== '' },
        { fault: 'received_at in the future', column: 'received_at', at: 0.75, value: () => formatUkIso(stampOf(ctx.to + 50, 9, 0)) },
        { fault: 'satisfied is not yes/no/pending', column: 'satisfied', at: 0.85, value: () => 'N/A - see notes', when: (r) => r.status === 'closed' },
      ],
      { file: rel, protect: (i) => i < carried.length || exported[i]?.planted !== null, rowNumber: (i) => i + 1, idColumn: 'id' },
    ).records,
  );
  await writeJsonl(join(ctx.out, rel), FEEDBACK_COLUMNS, rows);
  files.push(fileInfo(ctx, rel, { hospital: 'uk', kind: 'feedback', format: 'jsonl (ISO 8601 with UK offset)', encoding: 'UTF-8', source: 'pals', from: isoDate(startYear === firstYear ? ctx.from : cut), to: isoDate(ctx.to), asOf: formatStamp(endOfDay(ctx.to), false), rows: rows.length, ids: new Set(rows.map((r) => r.id)) }));
  return { files, faults };
}
