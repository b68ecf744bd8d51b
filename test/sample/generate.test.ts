import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchFeedbackCsv, writeBenchSurveyCsv } from '../../data/generator/bench.ts';
import { departmentStrings } from '../../data/generator/departments.ts';
import type { FaultRecord } from '../../data/generator/faults.ts';
import { generateSample, type SampleSummary } from '../../data/generator/generate.ts';
import { HOSPITALS } from '../../data/generator/hospitals.ts';
import { FEEDBACK_COLUMNS } from '../../data/generator/model.ts';
import { PLANTED } from '../../data/generator/planted.ts';
import { stripVietnamese } from '../../data/generator/text/fill.ts';
import { SURVEY_COLUMNS } from '../../data/generator/survey.ts';
import { decodeCsvBytes, localTime, parseCsv, readTable, type ReadTable } from './read.ts';

// The full period at a small scale: every planted problem and fault is there, baseline volumes are
// about a tenth, so two runs take a few seconds.
const options = { from: '2024-01-01', to: '2026-11-15', scale: 0.08 };

// each hospital's folder, named as the hospital names itself
const CN = HOSPITALS.cn.folder;
const CN_EAST = HOSPITALS.cn_east.folder;
const VN = HOSPITALS.vn.folder;
const UK = HOSPITALS.uk.folder;

interface Planted {
  id: string;
  /** The hospital as the pipeline names it, its folder. */
  hospital: string;
  files: string[];
  department: string;
  keywords: string[];
  onset: string;
  end: string;
  extra_records: number;
  record_ids: string[];
  survey?: { file: string; department: string; items: string[]; start: string; end: string };
}

let root = '';
let dirA = '';
let dirB = '';
let summary: SampleSummary;
const tables = new Map<string, Promise<ReadTable>>();

function table(file: string): Promise<ReadTable> {
  let t = tables.get(file);
  if (!t) {
    t = readTable(join(dirA, file));
    tables.set(file, t);
  }
  return t;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function json<T>(file: string): T {
  return JSON.parse(readFileSync(join(dirA, file), 'utf8')) as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'hearken-sample-'));
  dirA = join(root, 'a', 'sample');
  dirB = join(root, 'b', 'sample');
  summary = await generateSample({ ...options, out: dirA });
  await generateSample({ ...options, out: dirB });
});

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('generateSample', () => {
  it('writes byte-identical files on every run', () => {
    const a = listFiles(dirA);
    expect(a).toEqual(listFiles(dirB));
    expect(a).toContain(`${CN}/jiangzhou_12345_workorders.xlsx`);
    expect(a).toContain(`${CN_EAST}/dongyuan_complaints.csv`);
    expect(a).toContain(`${UK}/kingsmere_pals_2024.parquet`);
    // one folder per hospital (contract section 1: the first-level folder is the hospital), and the config with their zones
    expect(new Set(a.filter((file) => file.includes('/')).map((file) => file.split('/')[0]))).toEqual(new Set([CN, CN_EAST, VN, UK]));
    expect(json<{ timezones: Record<string, string> }>('hearken.config.json').timezones).toEqual({
      [`${CN}/**`]: 'Asia/Shanghai',
      [`${CN_EAST}/**`]: 'Asia/Shanghai',
      [`${VN}/**`]: 'Asia/Ho_Chi_Minh',
      [`${UK}/**`]: 'Europe/London',
    });
    for (const file of a) expect(readFileSync(join(dirA, file)).equals(readFileSync(join(dirB, file))), file).toBe(true);
  });

  it('writes the Chinese register as GB18030 with CRLF, not UTF-8', () => {
    for (const year of [2024, 2025, 2026]) {
      const bytes = readFileSync(join(dirA, `${CN}/jiangzhou_complaints_${year}.csv`));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const text = iconv.decode(bytes, 'gb18030');
      expect(text).not.toContain('\uFFFD');
      expect(text.split('\r\n')[0]).toBe(FEEDBACK_COLUMNS.join(','));
      expect(text).toMatch(/[\u4e00-\u9fff]{10}/);
    }
  });

  it('puts a title block above the header of the spreadsheets', async () => {
    const { readSheet } = await import('read-excel-file/node');
    const orders = await readSheet(join(dirA, `${CN}/jiangzhou_12345_workorders.xlsx`));
    expect(String(orders[0]?.[0])).toMatch(/^12345市民服务热线转办工单（2024-2026）$/);
    expect(orders[1]?.every((c) => c === null)).toBe(true);
    expect(orders[2]).toEqual([...FEEDBACK_COLUMNS]);
    const book = await readSheet(join(dirA, `${VN}/sonnam_y_kien_nguoi_benh.xlsx`));
    expect(String(book[0]?.[0])).toContain('SỔ THEO DÕI Ý KIẾN NGƯỜI BỆNH');
    expect(book[2]).toEqual([...FEEDBACK_COLUMNS]);
  });

  it('writes the survey as UTF-8 with a BOM and the contract 1.2 columns', () => {
    const bytes = readFileSync(join(dirA, `${VN}/sonnam_khao_sat_hai_long.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(decodeCsvBytes(bytes))[0]).toEqual([...SURVEY_COLUMNS]);
  });

  it('gives the east campus its own register, UTF-8 with a BOM, under its own department names, its ids colliding with the main campus\'s', async () => {
    const bytes = readFileSync(join(dirA, `${CN_EAST}/dongyuan_complaints.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const east = (await table(`${CN_EAST}/dongyuan_complaints.csv`)).rows;
    expect(new Set(east.map((row) => row.source))).toEqual(new Set(['hospital_hotline']));
    // the names it had as a district hospital, none of them the main campus's canonical names for the same departments
    const departments = new Set(east.map((row) => row.department));
    for (const name of ['小儿科', '产科', '创伤骨科', '医学检验科']) expect(departments.has(name), name).toBe(true);
    for (const name of ['儿科', '妇产科', '骨科', '检验科']) expect(departments.has(name), name).toBe(false);
    const main = new Set<string>();
    for (const year of [2024, 2025, 2026]) for (const row of (await table(`${CN}/jiangzhou_complaints_${year}.csv`)).rows) main.add(row.id ?? '');
    // two systems of the same vendor number their records alike: most of the campus's ids are the main campus's too
    expect(east.filter((row) => main.has(row.id ?? '')).length).toBeGreaterThan(east.length / 2);
  });

  it('words every planted record with at least one of its keywords', () => {
    for (const p of PLANTED) for (const t of p.core) expect(p.keywords.some((k) => t.includes(k)), `${p.id}: ${t}`).toBe(true);
  });

  it('has the records of every planted problem in its files, in its period', async () => {
    const { planted } = json<{ planted: Planted[] }>('planted.json');
    expect(planted.length).toBeGreaterThanOrEqual(6);
    expect(planted.length).toBeLessThanOrEqual(9);
    for (const p of planted) {
      expect(p.extra_records, p.id).toBeGreaterThan(0);
      expect(p.record_ids).toHaveLength(p.extra_records);
      const byId = new Map<string, Record<string, string>>();
      for (const file of p.files) for (const row of (await table(file)).rows) byId.set(row.id ?? '', row);
      for (const id of p.record_ids) {
        const row = byId.get(id);
        expect(row, `${p.id} ${id}`).toBeDefined();
        const day = localTime(row?.received_at ?? '').slice(0, 10);
        expect(day >= p.onset && day <= p.end, `${p.id} ${id} ${day}`).toBe(true);
        expect(row?.department).toBe(p.department);
        // Zalo/Facebook messages may come without diacritics; keyword search must see through that.
        const text = stripVietnamese(row?.text ?? '');
        expect(p.keywords.some((k) => text.includes(stripVietnamese(k))), `${p.id} ${row?.text}`).toBe(true);
      }
    }
  });

  it('lowers the facility scores of the planted survey department during its window', async () => {
    const { planted } = json<{ planted: Planted[] }>('planted.json');
    const survey = planted.find((p) => p.survey !== undefined)?.survey;
    expect(survey).toBeDefined();
    if (!survey) return;
    const rows = (await table(survey.file)).rows.filter((r) => r.department === survey.department);
    const mean = (from: string, to: string) => {
      const answers = rows
        .filter((r) => (r.submitted_at ?? '') >= from && (r.submitted_at ?? '') <= `${to} 23:59`)
        .flatMap((r) => survey.items.map((c) => Number(r[c] ?? '')).filter((v) => v >= 1 && v <= 5));
      return answers.reduce((a, b) => a + b, 0) / answers.length;
    };
    expect(mean('2026-03-01', '2026-05-31') - mean(survey.start, survey.end)).toBeGreaterThan(0.4);
  });

  it('contains every fault listed in faults.json, where it says', async () => {
    const { faults } = json<{ faults: FaultRecord[] }>('faults.json');
    expect(faults.length).toBeGreaterThanOrEqual(10);
    expect(faults.length).toBeLessThanOrEqual(20);
    expect(faults).toEqual(summary.faults);
    for (const f of faults) {
      if (f.file.endsWith('.csv')) {
        const lines = decodeCsvBytes(readFileSync(join(dirA, f.file))).split(/\r?\n/);
        const header = parseCsv(lines[0] ?? '')[0] ?? [];
        const line = lines[f.row - 1] ?? '';
        expect(line.startsWith(`${f.id},`), `${f.file}:${f.row}`).toBe(true);
        if (f.fault.startsWith('unterminated quote')) expect((line.match(/"/g) ?? []).length % 2).toBe(1);
        else if (!f.fault.startsWith('swallowed')) expect(parseCsv(line)[0]?.[header.indexOf(f.column)]).toBe(f.value);
      } else {
        const t = await table(f.file);
        const row = t.rows[t.rowNumbers.indexOf(f.row)];
        expect(row?.id, `${f.file}:${f.row}`).toBe(f.id);
        expect(localTime(row?.[f.column] ?? '')).toBe(localTime(f.value));
      }
    }
  });

  it('keeps received <= responded <= resolved on every row that is not a listed fault', async () => {
    const { faults } = json<{ faults: FaultRecord[] }>('faults.json');
    const faulty = new Set(faults.map((f) => `${f.file}#${f.id}`));
    const stamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
    let checked = 0;
    for (const file of summary.files.filter((f) => f.kind === 'feedback').map((f) => f.path)) {
      for (const row of (await table(file)).rows) {
        if (faulty.has(`${file}#${row.id}`)) continue;
        const [received, responded, resolved] = [row.received_at, row.responded_at, row.resolved_at].map((v) => localTime(v ?? ''));
        expect(received, `${file} ${row.id}`).toMatch(stamp);
        if (responded !== '') expect((responded ?? '') >= (received ?? ''), `${file} ${row.id}`).toBe(true);
        if (resolved !== '') expect((resolved ?? '') >= (responded || received || ''), `${file} ${row.id}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4000);
  });

  it('writes only department strings listed in departments.ts', async () => {
    for (const f of summary.files.filter((x) => x.kind === 'feedback' || x.kind === 'survey')) {
      const allowed = new Set([...departmentStrings[f.hospital].known, ...departmentStrings[f.hospital].unknown]);
      for (const row of (await table(f.path)).rows) {
        expect(allowed.has(row.department ?? ''), `${f.path} ${row.department}`).toBe(true);
      }
    }
  });

  it('re-exports late 2024 in the 2025 register file, a few records updated', async () => {
    const { reexport } = json<{ reexport: { files: [string, string]; overlapping_ids: number; changed_ids: string[] } }>('faults.json');
    const [older, newer] = await Promise.all(reexport.files.map((f) => table(f)));
    const before = new Map((older?.rows ?? []).map((r) => [r.id, r]));
    const shared = (newer?.rows ?? []).filter((r) => before.has(r.id));
    expect(shared.length).toBe(reexport.overlapping_ids);
    expect(reexport.changed_ids.length).toBeGreaterThan(0);
    expect(reexport.changed_ids.length).toBeLessThan(shared.length / 3);
    const changed = new Set(reexport.changed_ids);
    for (const r of shared) expect(JSON.stringify(r) !== JSON.stringify(before.get(r.id))).toBe(changed.has(r.id ?? ''));
  });
});

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

describe('bench writers', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hearken-bench-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function readCsvWithDuckDb(path: string): Promise<{ columns: string[]; rows: number }> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`select * from read_csv('${path.replace(/'/g, "''")}')`);
      return { columns: reader.columnNames(), rows: reader.currentRowCount };
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }

  it('writeBenchFeedbackCsv writes a header and N contract rows that DuckDB reads', async () => {
    const path = join(dir, 'feedback.csv');
    await writeBenchFeedbackCsv(path, 1000);
    expect(lineCount(readFileSync(path, 'utf8'))).toBe(1001);
    expect(await readCsvWithDuckDb(path)).toEqual({ columns: [...FEEDBACK_COLUMNS], rows: 1000 });
  });

  it('writeBenchFeedbackCsv mixes the three languages and is seeded', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    await writeBenchFeedbackCsv(a, 300, 7);
    await writeBenchFeedbackCsv(b, 300, 7);
    const text = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(text);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữự]/);
    expect(text).toMatch(/\b(the|and|was)\b/);
  });

  it('writeBenchSurveyCsv writes a header and N survey rows that DuckDB reads', async () => {
    const path = join(dir, 'survey.csv');
    await writeBenchSurveyCsv(path, 500);
    expect(lineCount(readFileSync(path, 'utf8'))).toBe(501);
    expect(await readCsvWithDuckDb(path)).toEqual({ columns: [...SURVEY_COLUMNS], rows: 500 });
  });
});
