import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { SURVEY_ITEMS } from '../../data/generator/survey.ts';
import {
  loadSurveyDefinitions,
  readSurveyDefinition,
  SHIPPED_SURVEY_DIR,
  surveyDefinitionDirs,
  type SurveyDefinition,
} from '../../pipeline/satisfaction/survey-definitions.ts';

const root = mkdtempSync(join(tmpdir(), 'hearken-surveys-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the given definition files (name → JSON value or raw text). */
function folder(files: Record<string, unknown>): string {
  const dir = join(root, `f${folders++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

const minimal = (overrides: Record<string, unknown> = {}) => ({
  id: 'kiosk',
  title: { en: 'Kiosk survey' },
  scale: { min: 1, max: 5 },
  sections: [{ code: 'A', title: { en: 'Access' }, items: [{ code: 'a1', text: { en: 'Signs are clear.' } }] }],
  ...overrides,
});

const shipped = loadSurveyDefinitions([SHIPPED_SURVEY_DIR], 'en');
const byId = (id: string): SurveyDefinition => shipped.find((d) => d.id === id)!;
const itemsPerSection = (d: SurveyDefinition) => Object.fromEntries(d.sections.map((s) => [s.code, s.items.length]));

describe('the shipped survey definitions', () => {
  it('are the Ministry of Health inpatient and outpatient forms and a generic one, in file order', () => {
    expect(shipped.map((d) => [d.id, d.applies_to])).toEqual([
      ['generic', {}],
      ['vn-moh-3869-inpatient', { patient_type: 'inpatient' }],
      ['vn-moh-3869-outpatient', { patient_type: 'outpatient' }],
    ]);
  });

  it('list the items of Decision 3869/QĐ-BYT: outpatient A5 B10 C8 D4 E4, inpatient A5 B5 C9 D7 E5', () => {
    expect(itemsPerSection(byId('vn-moh-3869-outpatient'))).toEqual({ A: 5, B: 10, C: 8, D: 4, E: 4 });
    expect(itemsPerSection(byId('vn-moh-3869-inpatient'))).toEqual({ A: 5, B: 5, C: 9, D: 7, E: 5 });
    for (const id of ['vn-moh-3869-inpatient', 'vn-moh-3869-outpatient']) {
      for (const section of byId(id).sections) {
        expect(section.items.map((i) => i.code)).toEqual(section.items.map((_, n) => `${section.code.toLowerCase()}${n + 1}`));
        for (const item of section.items) expect(Object.keys(item.text).sort(), `${id} ${item.code}`).toEqual(['en', 'vi', 'zh']);
      }
    }
  });

  it('cover every item the sample hospital asks of each patient type', () => {
    for (const type of ['inpatient', 'outpatient'] as const) {
      const form = byId(`vn-moh-3869-${type}`);
      for (const [section, count] of Object.entries(SURVEY_ITEMS[type])) {
        expect(form.sections.find((s) => s.code === section.toUpperCase())!.items.length).toBeGreaterThanOrEqual(count);
      }
    }
  });

  it('give the generic form one section per letter A..E, by pattern', () => {
    expect(byId('generic').sections.map((s) => [s.code, s.item_pattern, s.items.length])).toEqual([
      ['A', 'a[0-9]+', 0], ['B', 'b[0-9]+', 0], ['C', 'c[0-9]+', 0], ['D', 'd[0-9]+', 0], ['E', 'e[0-9]+', 0],
    ]);
  });
});

describe('a definition that is not valid', () => {
  const fails = (files: Record<string, unknown>, message: RegExp) => {
    const dir = folder(files);
    let error: unknown;
    try {
      loadSurveyDefinitions([dir], 'en');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PipelineError);
    const text = (error as Error).message;
    expect(text).not.toContain('\n');
    expect(text.startsWith(`survey definition ${dir}/`)).toBe(true);
    expect(text).toMatch(message);
  };

  it('is one line naming the file and the first field at fault', () => {
    fails({ 'bad.json': '{ "id": "x", ' }, /bad\.json: not valid JSON/);
    fails({ 'scale.json': minimal({ scale: { min: 1, max: 7 } }) }, /scale\.json: scale\.max: the contract scale ends at 5$/);
    fails({ 'prefix.json': minimal({ sections: [{ code: 'A', title: { en: 'A' }, items: [{ code: 'q_a1', text: { en: 'x' } }] }] }) }, /prefix\.json: sections\.0\.items\.0\.code: an item code is written without its q_ prefix/);
    fails({ 'upper.json': minimal({ sections: [{ code: 'a', title: { en: 'A' }, items: [{ code: 'a1', text: { en: 'x' } }] }] }) }, /upper\.json: sections\.0\.code: a section code is upper case/);
    fails({ 'empty.json': minimal({ sections: [{ code: 'A', title: { en: 'A' } }] }) }, /empty\.json: sections\.0: a section needs items or an item_pattern/);
    fails({ 'regex.json': minimal({ sections: [{ code: 'A', title: { en: 'A' }, item_pattern: 'a[0-9' }] }) }, /regex\.json: sections\.0\.item_pattern: item_pattern is not a valid regular expression/);
    fails({ 'wording.json': minimal({ title: {} }) }, /wording\.json: title: needs a wording in at least one of vi, en, zh/);
    fails({ 'typo.json': minimal({ applies_to: { patient: 'inpatient' } }) }, /typo\.json: applies_to: Unrecognized key: "patient"/);
    fails({ 'type.json': minimal({ applies_to: { patient_type: 'day_case' } }) }, /type\.json: applies_to\.patient_type: /);
  });

  it('may not list an item twice', () => {
    const twice = minimal({
      sections: [
        { code: 'A', title: { en: 'A' }, items: [{ code: 'a1', text: { en: 'x' } }] },
        { code: 'B', title: { en: 'B' }, items: [{ code: 'a1', text: { en: 'y' } }] },
      ],
    });
    fails({ 'twice.json': twice }, /twice\.json: sections\.1\.items\.0\.code: item a1 appears twice \(also in section A\)/);
  });

  it('may not share an id, or tie for the same responses, with another file of its folder', () => {
    fails({ 'a.json': minimal(), 'b.json': minimal() }, /b\.json: id kiosk is also the id of .*a\.json$/);
    fails(
      { 'a.json': minimal({ applies_to: { sources: ['kiosk', 'web'] } }), 'b.json': minimal({ id: 'web', applies_to: { sources: ['web'] } }) },
      /b\.json: applies_to claims the same responses as .*a\.json; make them differ$/,
    );
  });

  it('is told in the reader’s language, exit 2: the frame, zod’s words and the definition’s own', () => {
    const told = (files: Record<string, unknown>, language: 'zh' | 'vi') => {
      const dir = folder(files);
      try {
        loadSurveyDefinitions([dir], language);
      } catch (error) {
        expect(error).toMatchObject({ exitCode: 2 });
        return (error as Error).message.replaceAll(dir, 'DIR');
      }
      throw new Error('no error');
    };
    expect(told({ 'scale.json': minimal({ scale: { min: 1, max: 7 } }) }, 'zh')).toBe('问卷定义 DIR/scale.json：scale.max: 合同规定的量表到 5 结束');
    const twice = minimal({
      sections: [
        { code: 'A', title: { en: 'A' }, items: [{ code: 'a1', text: { en: 'x' } }] },
        { code: 'B', title: { en: 'B' }, items: [{ code: 'a1', text: { en: 'y' } }] },
      ],
    });
    expect(told({ 'twice.json': twice }, 'vi')).toBe('định nghĩa phiếu khảo sát DIR/twice.json: sections.1.items.0.code: câu hỏi a1 xuất hiện hai lần (cũng có ở phần A)');
    // zod's own words, in zod's Chinese
    expect(told({ 'typo.json': minimal({ applies_to: { patient: 'inpatient' } }) }, 'zh')).toMatch(/^问卷定义 DIR\/typo\.json：applies_to: .*patient/);
    expect(told({ 'typo.json': minimal({ applies_to: { patient: 'inpatient' } }) }, 'zh')).not.toMatch(/Unrecognized/);
    expect(told({ 'a.json': minimal(), 'b.json': minimal() }, 'zh')).toMatch(/^问卷定义 DIR\/b\.json：id kiosk 与 DIR\/a\.json 的 id 相同$/);
  });

  it('reads one file as the loader does', () => {
    const dir = folder({ 'ok.json': minimal() });
    expect(readSurveyDefinition(join(dir, 'ok.json'), 'en')).toMatchObject({ id: 'kiosk', applies_to: {}, path: join(dir, 'ok.json') });
  });
});

describe('a hospital folder', () => {
  it('adds its forms after the shipped ones, and replaces a shipped form of the same id', () => {
    const own = folder({
      'kiosk.json': minimal({ applies_to: { sources: ['kiosk'] } }),
      'outpatient.json': minimal({ id: 'vn-moh-3869-outpatient', applies_to: { patient_type: 'outpatient' } }),
    });
    const loaded = loadSurveyDefinitions([SHIPPED_SURVEY_DIR, own], 'en');
    expect(loaded.map((d) => d.id)).toEqual(['generic', 'vn-moh-3869-inpatient', 'kiosk', 'vn-moh-3869-outpatient']);
    expect(loaded.at(-1)?.path).toBe(join(own, 'outpatient.json'));
  });

  it('is the surveys/ folder inside each reference folder the config adds', () => {
    expect(surveyDefinitionDirs({ referenceDirs: ['/shipped/reference', '/hospital/ref'] })).toEqual([SHIPPED_SURVEY_DIR, '/hospital/ref/surveys']);
  });

  it('must leave at least one definition somewhere', () => {
    expect(() => loadSurveyDefinitions([folder({}), join(root, 'missing')], 'en')).toThrow(/no survey definition \(\*\.json\) in /);
  });
});
