// Issue 11: a department withheld whole because it held personal data (withheld_if_redacted) is
// stored and exported as the token [withheld]; pages, reports, their filters and the data-quality
// report say it in the reader's language, as do warnings.json's summaries in the run's (its
// department field keeps the token), and never show the personal data nor the token.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSummary } from '../../pipeline/cli.ts';
import { WITHHELD } from '../../pipeline/publish/withheld-value.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// east's complaints, as of Friday 13 June 2025: two written under a department that is a person
// and a phone number, one of them with a channel that is another phone number
const COMPLAINTS = [
  'id,received_at,department,channel,category,kind,text,resolved_at',
  'E1,2025-05-06 09:00,急诊科,hotline,process,complaint,挂号排队,2025-05-07 09:00',
  'E2,2025-06-04 09:00,张三 13812345678,hotline,process,complaint,排队太久,',
  'E3,2025-06-05 09:00,张三 13812345678,0987654321,process,complaint,厕所很脏,',
  'E4,2025-06-06 09:00,急诊科,hotline,process,complaint,排队太久,',
].join('\n');

const SECRETS = ['13812345678', '张三', '0987654321'];
const WORDS = { zh: '（已隐去：含个人信息）', vi: '(đã ẩn: có thông tin cá nhân)', en: '(withheld: personal data)' };
// the withheld department's warnings as warnings.json words them, in the run's language
const SUMMARIES: Record<'zh' | 'vi', string[]> = {
  zh: [
    `${WORDS.zh}投诉 E2 已超过办理时限 2025-06-09 4 个工作日（督办第 2 级），责任人：分管院领导。`,
    `${WORDS.zh}投诉 E3 已超过办理时限 2025-06-10 3 个工作日（督办第 2 级），责任人：分管院领导。`,
  ],
  vi: [
    `Khiếu nại E2 của ${WORDS.vi} đã quá hạn 2025-06-09 4 ngày làm việc (bậc đôn đốc 2); người chịu trách nhiệm: lãnh đạo phụ trách.`,
    `Khiếu nại E3 của ${WORDS.vi} đã quá hạn 2025-06-10 3 ngày làm việc (bậc đôn đốc 2); người chịu trách nhiệm: lãnh đạo phụ trách.`,
  ],
};
// the data-quality note above the unknown departments, and the run's line on the terminal that names them
const NOTE = {
  zh: '已按原样保留，含个人信息的名称则已隐去。将其加入 department_aliases.csv 即可归入已知科室。',
  vi: 'Được giữ nguyên, trừ tên có thông tin cá nhân thì được ẩn đi. Thêm vào department_aliases.csv để gộp với một khoa đã biết.',
  en: 'Kept as written, except a name holding personal data, which is withheld. Add them to department_aliases.csv to merge them with a known department.',
};
const TERMINAL = {
  zh: `1 个科室名称不在对照表中（按原样保留；含个人信息的名称已隐去）：${WORDS.zh}`,
  vi: `1 tên khoa/phòng không có trong bảng tham chiếu (giữ nguyên; tên có thông tin cá nhân được ẩn đi): ${WORDS.vi}`,
  en: `Department names not in the reference table: 1 (kept as written; a name holding personal data is withheld): ${WORDS.en}`,
};

/** One run's site in its default language (`lang`): the text of every file under its out folder, by path. */
async function site(lang: 'zh' | 'vi'): Promise<{ ws: Workspace; files: Record<string, string> }> {
  const ws = await createWorkspace();
  await ws.write('east/complaints.csv', COMPLAINTS);
  await ws.run({ asOf: '2025-06-13', lang });
  const files = Object.fromEntries(
    readdirSync(ws.out, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.parquet'))
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(ws.out, path).split('\\').join('/'), readFileSync(path, 'utf8')];
      }),
  );
  return { ws, files };
}

/** What a person reads: pages and reports (HTML, Markdown), not the tables' data scripts, JSON or exports. */
const readable = (files: Record<string, string>) => Object.entries(files).filter(([path]) => /\.(html|md)$/.test(path));

const runs: Partial<Record<'zh' | 'vi', { ws: Workspace; files: Record<string, string> }>> = {};

beforeAll(async () => {
  runs.zh = await site('zh');
  runs.vi = await site('vi');
}, 600_000);

afterAll(async () => {
  await runs.zh?.ws.dispose();
  await runs.vi?.ws.dispose();
});

describe.each(['zh', 'vi'] as const)('a withheld department on a %s site', (lang) => {
  const files = () => runs[lang]!.files;

  it('is never shown as the token nor as what it held, on any page or report of any language', () => {
    const pages = readable(files());
    expect(pages.some(([path]) => path.startsWith('reports/daily/'))).toBe(true);
    // the one place the token stays: the key of a filter's label, the value its table's data holds
    const filterKey = /&quot;\[withheld\]&quot;:&quot;/g;
    expect(files()['departments/index.html']!.match(filterKey)).toHaveLength(1);
    for (const needle of [...SECRETS, '[withheld]', '\\[withheld\\]']) {
      expect(pages.filter(([, text]) => text.replace(filterKey, '').includes(needle)).map(([path]) => path), needle).toEqual([]);
    }
  });

  it('is named in the words of each page’s language: department list, filters, leadership page, warnings, data-quality report', () => {
    const other = lang === 'zh' ? 'vi' : 'zh';
    for (const [folder, words] of [['', WORDS[lang]], [`${other}/`, WORDS[other]], ['en/', WORDS.en]] as const) {
      const index = files()[`${folder}departments/index.html`]!;
      expect(index, folder).toContain(`">${words}</a></td>`);
      expect(index, folder).toContain(`&quot;[withheld]&quot;:&quot;${words}&quot;`);
      expect(files()[`${folder}leadership.html`], folder).toContain(`>${words}</td>`);
      // the two warnings' department cells, the unknown department and the unrecognised channel of the data-quality report
      expect(files()[`${folder}index.html`]!.split(`>${words}</td>`).length - 1, folder).toBe(4);
    }
    expect(files()[lang === 'zh' ? 'index.html' : 'zh/index.html']).toContain(`>${WORDS.zh}投诉 E2 已超过办理时限`);
    expect(files()[lang === 'vi' ? 'index.html' : 'vi/index.html']).toContain(`>Khiếu nại E2 của ${WORDS.vi} đã quá hạn`);
  });

  it('is named in the report’s language in the daily reports, HTML and Markdown', () => {
    expect(files()['reports/daily/2025-06-04.html']).toContain(`<td>${WORDS[lang]}</td>`);
    expect(files()['reports/daily/2025-06-04.md']).toContain(WORDS[lang]);
  });

  it('says above the unknown departments, and on the terminal, that a name holding personal data is withheld', () => {
    const other = lang === 'zh' ? 'vi' : 'zh';
    for (const [folder, language] of [['', lang], [`${other}/`, other], ['en/', 'en']] as const) {
      expect(files()[`${folder}index.html`], folder).toContain(`<p>${NOTE[language]}</p>`);
      const lines: string[] = [];
      printSummary(JSON.parse(files()['run-summary.json']!), language, runs[lang]!.ws.out, (line) => lines.push(line));
      expect(lines.filter((line) => line.includes(WORDS[language])), language).toEqual([TERMINAL[language]]);
    }
  });

  it('words the withheld department in warnings.json’s summaries in the run’s language, the department field keeping the token', () => {
    const warnings = JSON.parse(files()['warnings.json']!).warnings as { department: string | null; summary: string }[];
    expect(warnings.filter((w) => w.department === WITHHELD).map((w) => w.summary)).toEqual(SUMMARIES[lang]);
    expect(warnings.filter((w) => w.summary.includes(WITHHELD))).toEqual([]);
  });

  it('keeps the token in what machines read: exports, the run summary and warnings.json', () => {
    const feedback = runs[lang]!.ws.exported('feedback');
    // the token the pages look for is the one withheld_if_redacted stores
    expect(feedback.map((row) => row.department)).toEqual(['急诊科', WITHHELD, WITHHELD, '急诊科']);
    const summary = JSON.parse(files()['run-summary.json']!);
    expect(summary.data_quality.unknown_departments.map((d: { name: string }) => d.name)).toEqual(['[withheld]']);
    const warnings = JSON.parse(files()['warnings.json']!).warnings as { department: string | null }[];
    expect(warnings.filter((w) => w.department === '[withheld]').length).toBe(2);
  });
});
