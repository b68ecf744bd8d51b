// Redaction as a property of every published byte: generated personal data (numbers in national
// layouts and full width, e-mail addresses in any script, names after a title) planted in random
// fields of a run's input (text, survey comment, department, location, coded values, source,
// file and folder names), then every file the run publishes (HTML, JSON, CSV, Parquet read
// through DuckDB, and the files' own names) is searched for each secret as written, for its
// digits, and for its name. Two runs on one warehouse, with many rows each.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { email, personalNumber, titledName } from '../support/personal-data.ts';
import { publishedTexts } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

const FIELDS = ['text', 'comment', 'department', 'location', 'channel', 'category', 'status', 'satisfied', 'source', 'file', 'folder'] as const;
type Field = (typeof FIELDS)[number];

/** What must not be published: the secret as written, and the forms it could be turned into. */
interface Secret {
  field: Field;
  written: string;
  /** Substrings none of which may appear in a published file. */
  forbidden: string[];
}

const secret: fc.Arbitrary<Secret> = fc.tuple(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    personalNumber.map((n) => ({ written: n.written, forbidden: [n.written, n.digits] })),
    email.map((address) => ({ written: address, forbidden: [address] })),
    titledName.map((n) => ({ written: n.written, forbidden: [n.name] })),
  ),
).map(([field, s]) => ({ field, ...s }));

const FEEDBACK_HEADER = ['id', 'received_at', 'department', 'location', 'channel', 'category', 'status', 'satisfied', 'source', 'text'];
const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** Ordinary complaints around the secrets, so that terms, warnings, quotes and packs have data. */
function fillerRows(prefix: string, count: number): string[][] {
  const texts = ['挂号排队太久，没人管', 'Chờ lấy thuốc quá lâu, không ai hướng dẫn', 'The car park was full again and nobody helped'];
  const departments = ['急诊科', 'Khoa Nhi', 'Emergency Department'];
  return Array.from({ length: count }, (_, i) => [
    `${prefix}-${i}`,
    `2025-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, '0')} 09:00`,
    departments[i % 3]!,
    '',
    'hotline',
    '',
    'received',
    '',
    '',
    texts[i % 3]!,
  ]);
}

/** The input: one feedback file per secret that lives in a file or folder name (and an ignored file beside it), the rest in two files. */
function plant(secrets: readonly Secret[], runNumber: number): Record<string, string> {
  const files: Record<string, string[][]> = {};
  const surveys: string[][] = [];
  const ignored: string[] = [];
  const add = (file: string, row: string[]) => (files[file] ??= []).push(row);
  secrets.forEach((s, i) => {
    const id = `r${runNumber}-${i}`;
    // the last week of data: these complaints form a burst in one department, so they are quoted
    const row = [id, `2025-06-${String(20 + (i % 9)).padStart(2, '0')} 10:00`, '急诊科', '', 'hotline', '', 'received', '', '', `挂号排队太久，没人管，请联系 ${s.written} 谢谢`];
    const set = (column: string, value: string) => (row[FEEDBACK_HEADER.indexOf(column)] = value);
    switch (s.field) {
      case 'text':
        break;
      case 'comment':
        surveys.push([`s${runNumber}-${i}`, '2025-06-20 10:00', '急诊科', '4', '2', `Phòng chờ nóng, số của tôi ${s.written}`]);
        return;
      case 'file':
        // a table, and a file hearken does not read, which the summary lists as ignored
        add(`run${runNumber}/${s.written}.csv`, row);
        ignored.push(`run${runNumber}/${s.written}.txt`);
        return;
      case 'folder':
        add(`run${runNumber}/${s.written}/complaints.csv`, row);
        return;
      case 'department':
        set('department', `Khoa ${s.written}`);
        break;
      default:
        set(s.field, s.written);
    }
    add(`run${runNumber}/complaints.csv`, row);
  });
  for (const row of fillerRows(`f${runNumber}`, 300)) add(`run${runNumber}/filler.csv`, row);
  const csv = (rows: string[][], header: string[]) => [header.join(','), ...rows.map((r) => r.map(quote).join(','))].join('\n');
  const out = Object.fromEntries(Object.entries(files).map(([path, rows]) => [path, csv(rows, FEEDBACK_HEADER)]));
  if (surveys.length > 0) out[`run${runNumber}/survey.csv`] = csv(surveys, ['response_id', 'submitted_at', 'department', 'q_a1', 'q_b1', 'comment']);
  for (const path of ignored) out[path] = 'notes';
  return out;
}

let ws: Workspace;
const runs: { secrets: Secret[]; published: Record<string, string> }[] = [];

beforeAll(async () => {
  ws = await createWorkspace();
  for (const [runNumber, seed] of [[1, 4242], [2, 2025]] as const) {
    const secrets = fc.sample(secret, { seed, numRuns: 60 });
    for (const [path, content] of Object.entries(plant(secrets, runNumber))) await ws.write(path, content);
    await ws.run();
    runs.push({ secrets, published: await publishedTexts(ws) });
  }
}, 600_000);

afterAll(async () => {
  await ws.dispose();
});

describe('personal data planted in any field', () => {
  it('reaches no published file, nor any published file name', () => {
    for (const { secrets, published } of runs) {
      expect(Object.keys(published).length).toBeGreaterThan(10);
      for (const s of secrets) {
        for (const forbidden of s.forbidden) {
          for (const [name, text] of Object.entries(published)) {
            expect(name.includes(forbidden), `${s.field} ${s.written} in the name ${name}`).toBe(false);
            expect(text.includes(forbidden), `${s.field} ${s.written} in ${name}`).toBe(false);
          }
        }
      }
    }
  });

  it('was read: the records are loaded, and their redactions are published', () => {
    const { published } = runs.at(-1)!;
    const feedback = published['data/feedback.csv'] ?? '';
    expect(feedback).toContain('[phone]');
    expect(feedback).toContain('[email]');
    const summary = JSON.parse(published['run-summary.json'] ?? '{}') as { files: { path: string }[]; ignored_files: string[] };
    expect(summary.files.some((f) => /\[(phone|email|id|name|tên|姓名)\]/.test(f.path))).toBe(true);
    expect(summary.ignored_files.some((path) => /\[(phone|email|id|name|tên|姓名)\]/.test(path))).toBe(true);
  });
});
