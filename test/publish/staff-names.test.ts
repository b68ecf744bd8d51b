// The staff-names setting end to end: one input with a burst of complaints in one department, each
// naming a member of staff after a title (zh, vi, en) beside a patient's name and a phone number,
// run twice: with the default config, and with privacy.staff_names_in_department_packs. Every
// published file (HTML, JSON, CSV, Parquet through DuckDB) is searched for each name and number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentPack } from '../../dashboards/department-page.ts';
import { publishedTexts } from '../support/published.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

/** Staff names as written after their titles, and the names alone, which the default never publishes. */
const STAFF = [
  { written: '王建医生', name: '王建' },
  { written: 'bác sĩ Thoa', name: 'Thoa' },
  { written: 'Dr Quinlan', name: 'Quinlan' },
];
/** Never published, whatever the setting. */
const PATIENTS = ['欧阳翾翀', 'Ưng Khuê', 'Vandermolen'];
const PHONES = ['1381234567', '0912 345 678', '07700 900123'];

function complaints(): string {
  const burst = Array.from({ length: 24 }, (_, i) => {
    const text = [
      `挂号排队太久，没人管，${STAFF[0]!.written}态度差，患者${PATIENTS[0]}，电话1381234567${i % 10}`,
      `Chờ lấy thuốc quá lâu, ${STAFF[1]!.written} quát bệnh nhân ${PATIENTS[1]}, SĐT ${PHONES[1]}`,
      `The car park was full again and nobody helped. ${STAFF[2]!.written} was rude to patient Ezra ${PATIENTS[2]}, call ${PHONES[2]}`,
    ][i % 3]!;
    return [`b${i}`, `2025-06-${String(20 + (i % 9)).padStart(2, '0')} 10:00`, '急诊科', text];
  });
  const texts = ['挂号排队太久，没人管', 'Chờ lấy thuốc quá lâu, không ai hướng dẫn', 'The car park was full again and nobody helped'];
  const filler = Array.from({ length: 300 }, (_, i) => [
    `f${i}`,
    `2025-0${1 + (i % 6)}-${String(1 + (i % 27)).padStart(2, '0')} 09:00`,
    ['急诊科', 'Khoa Nhi', 'Emergency Department'][i % 3]!,
    texts[i % 3]!,
  ]);
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return ['id,received_at,department,text', ...[...filler, ...burst].map((row) => row.map(quote).join(','))].join('\n');
}

/** A department's own pack: departments/<slug>.html (in any language's folder) or .json, not the index of the packs. */
const isPack = (path: string) => /^(?:(?:zh|vi|en)\/)?departments\/(?!index\.html$)[^/]+\.(html|json)$/.test(path);

/** The files of `published` that hold `text` (Latin letters in any case). */
const holding = (published: Record<string, string>, text: string) =>
  Object.keys(published).filter((path) => published[path]!.toLowerCase().includes(text.toLowerCase()));

const runs: Record<'off' | 'on', { ws: Workspace; published: Record<string, string> }> = {} as never;

beforeAll(async () => {
  for (const setting of ['off', 'on'] as const) {
    const ws = await createWorkspace();
    await ws.write('complaints.csv', complaints());
    if (setting === 'on') await ws.write('hearken.config.json', JSON.stringify({ privacy: { staff_names_in_department_packs: true } }));
    await ws.run();
    runs[setting] = { ws, published: await publishedTexts(ws) };
  }
}, 300_000);

afterAll(async () => {
  for (const { ws } of Object.values(runs)) await ws.dispose();
});

describe('staff names in department packs', () => {
  it('the burst is a warning of its department, with quotes, in both runs', () => {
    for (const { published } of Object.values(runs)) {
      const packs = Object.keys(published).filter((path) => isPack(path) && path.endsWith('.json')).map((path) => JSON.parse(published[path]!) as DepartmentPack);
      const emergency = packs.find((pack) => pack.department === '急诊科');
      expect(emergency?.warnings.some((warning) => (warning.quotes ?? []).length > 0)).toBe(true);
    }
  });

  it('by default, no staff name is published anywhere', () => {
    for (const { name } of STAFF) expect(holding(runs.off.published, name), name).toEqual([]);
  });

  it('when asked for, staff names appear in the department packs and nowhere else', () => {
    const { published } = runs.on;
    const shown = STAFF.flatMap(({ written }) => holding(published, written));
    expect(shown.length).toBeGreaterThan(0);
    for (const { name } of STAFF) for (const path of holding(published, name)) expect(isPack(path), `${name} in ${path}`).toBe(true);
    // the packs of the burst's department: its page in every language (English at the root) and its one JSON show the same names
    const packs = new Set(shown.map((path) => path.replace(/^(?:zh|vi|en)\//, '').replace(/\.(html|json)$/, '')));
    for (const pack of packs) expect(shown).toEqual(expect.arrayContaining([`${pack}.html`, `zh/${pack}.html`, `vi/${pack}.html`, `${pack}.json`]));
  });

  it('never publishes a patient name or a phone number, whatever the setting', () => {
    for (const { published } of Object.values(runs)) {
      for (const secret of [...PATIENTS, ...PHONES]) expect(holding(published, secret), secret).toEqual([]);
    }
  });

  it('changes nothing outside the packs: warnings.json and every other file are as without the setting', () => {
    const { off, on } = runs;
    expect(Object.keys(on.published).sort()).toEqual(Object.keys(off.published).sort());
    // each run has its own id, on every exported row and warning
    const runId = (published: Record<string, string>) => (JSON.parse(published['run-summary.json']!) as { run_id: string }).run_id;
    const text = (published: Record<string, string>, path: string) => published[path]?.replaceAll(runId(published), 'RUN');
    const warnings = (published: Record<string, string>) => JSON.parse(text(published, 'warnings.json')!).warnings as unknown[];
    expect(warnings(on.published)).toEqual(warnings(off.published));
    for (const path of Object.keys(off.published).filter((p) => p.startsWith('data/') || p === 'issues.html' || p === 'departments/index.html')) {
      expect(text(on.published, path), path).toBe(text(off.published, path));
    }
  });
});
