import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../pipeline/errors.ts';
import { compileSentinelList, loadSentinelLists, readSentinelLists, SHIPPED_SENTINEL_DIR } from '../../pipeline/warnings/sentinel-lists.ts';
import { findSentinels } from '../../pipeline/warnings/sentinel-match.ts';

const lists = loadSentinelLists({ referenceDirs: ['shipped only'], language: 'en' });
const classOf = (text: string) => findSentinels(text, lists)[0]?.eventClass ?? 'none';

/** The labelled sentences of test/warnings/sentinel/<language>.tsv: `class<TAB>text`, class `none` for a harmless one. */
function labelled(language: string): [label: string, text: string][] {
  return readFileSync(join(import.meta.dirname, 'sentinel', `${language}.tsv`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string]);
}

describe.each(['en', 'zh', 'vi'])('the labelled %s sentences', (language) => {
  const rows = labelled(language);
  it('hold at least 60 sentences, at least 20 of them harmless uses of the same words', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.filter(([label]) => label === 'none').length).toBeGreaterThanOrEqual(20);
  });
  it.each(rows)('%s: %s', (label, text) => {
    expect(classOf(text)).toBe(label);
  });
});

describe('findSentinels', () => {
  it('finds the paraphrases without the obvious keyword, in each language', () => {
    expect(findSentinels('摔了一跤骨折', lists)).toEqual([{ eventClass: 'fall', phrase: '摔…骨折', language: 'zh' }]);
    expect(findSentinels('Mum slipped in the bathroom and broke her hip', lists)).toEqual([{ eventClass: 'fall', phrase: 'slipped in', language: 'en' }]);
    expect(findSentinels('bị té gãy chân', lists)).toEqual([{ eventClass: 'fall', phrase: 'bị té', language: 'vi' }]);
  });

  it('drops negated and hypothetical mentions, and harmless senses of the same words', () => {
    for (const text of ['She did not fall.', 'The doctor said she could have died.', '没有摔倒', '担心老人摔倒', 'không bị ngã', 'sợ bị ngã', 'fell asleep', 'prices fell', '跌价', '跌幅很大', 'ngã giá', 'kill time', 'dying to see him', '笑死', '累死了', 'chết cười', 'nga']) {
      expect(findSentinels(text, lists), text).toEqual([]);
    }
  });

  it('lets a negation reach only to the end of its clause', () => {
    expect(classOf('Nobody answered the bell, and she fell.')).toBe('fall');
    expect(classOf('护士没有来，老人摔倒了')).toBe('fall');
    expect(classOf('不小心摔倒了')).toBe('fall');
  });

  it('reads Vietnamese with its diacritics, either tone-mark placement and any case, and text typed without any', () => {
    expect(classOf('BỊ NGÃ')).toBe('fall');
    expect(classOf('Bị ngã'.normalize('NFD'))).toBe('fall');
    // without a single diacritic the folded list reads it; with others about, its diacritics are missing on purpose
    expect(classOf('bi nga')).toBe('fall');
    expect(classOf('Bệnh nhân bi nga')).toBe('none');
    expect(classOf('nga')).toBe('none');
  });

  it('names every class a record describes, the most serious first', () => {
    expect(findSentinels('My father fell on the ward and died; I will go to the press.', lists).map((hit) => hit.eventClass)).toEqual([
      'unexpected_death',
      'fall',
      'press_threat',
    ]);
  });
});

describe('the sentinel lists', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hearken-sentinel-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('ship every class in every language, and for Vietnamese typed without diacritics', () => {
    for (const list of readSentinelLists([SHIPPED_SENTINEL_DIR], 'en')) {
      expect([...list.classes.keys()].sort(), list.language).toEqual(
        ['abuse', 'fall', 'infection_outbreak', 'legal_threat', 'medication_error', 'missing_patient', 'press_threat', 'self_harm', 'unexpected_death', 'violence', 'wrong_procedure'],
      );
    }
  });

  it('take a hospital’s additions from sentinel/<language>.json of a reference folder: patterns, harmless senses and classes of its own', () => {
    const added = join(scratch, 'reference');
    mkdirSync(join(added, 'sentinel'), { recursive: true });
    writeFileSync(join(added, 'sentinel', 'en.json'), JSON.stringify({ harmless: ['fell asleep at the wheel'], classes: { fall: ['took a tumble'], pressure_ulcer: ['grade (3|4) pressure (sore|ulcer)'] } }));
    const extended = loadSentinelLists({ referenceDirs: ['shipped', added], language: 'en' });
    expect(findSentinels('Gran took a tumble by the lift', extended).map((hit) => hit.eventClass)).toEqual(['fall']);
    expect(findSentinels('She came home with a grade 4 pressure ulcer', extended).map((hit) => hit.eventClass)).toEqual(['pressure_ulcer']);
    expect(findSentinels('Gran took a tumble by the lift', lists)).toEqual([]);
  });

  it('refuse a pattern that is not a regular expression, naming the list and the entry', () => {
    const list = readSentinelLists([SHIPPED_SENTINEL_DIR], 'en').find((l) => l.language === 'en')!;
    list.classes.set('fall', ['fell (out of bed']);
    expect(() => compileSentinelList(list, 'en')).toThrow(PipelineError);
    expect(() => compileSentinelList(list, 'en')).toThrow(/sentinel list en: class fall entry 1 \(fell \(out of bed\) is not a regular expression/);
  });

  it('word a broken list in the reader’s language, one line, exit 2', () => {
    const list = readSentinelLists([SHIPPED_SENTINEL_DIR], 'zh').find((l) => l.language === 'en')!;
    list.classes.set('fall', ['fell (out of bed']);
    expect(() => compileSentinelList(list, 'zh')).toThrow(/^严重事件词表 en：类别 fall 第 1 条（fell \(out of bed）不是有效的正则表达式：/);
    const own = join(scratch, 'broken-reference');
    mkdirSync(join(own, 'sentinel'), { recursive: true });
    writeFileSync(join(own, 'sentinel', 'vi.json'), JSON.stringify({ classes: { 'Té ngã': ['ngã gãy xương'] } }));
    const attempt = () => loadSentinelLists({ referenceDirs: ['shipped', own], language: 'vi' });
    expect(attempt).toThrow(PipelineError);
    expect(attempt).toThrow(`danh sách sự cố nghiêm trọng ${join(own, 'sentinel', 'vi.json')}: classes.Té ngã: loại sự cố là một mã chữ thường, ví dụ fall`);
    writeFileSync(join(own, 'sentinel', 'vi.json'), '{ "classes": ');
    expect(attempt).toThrow(`danh sách sự cố nghiêm trọng ${join(own, 'sentinel', 'vi.json')} không phải JSON hợp lệ`);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ exitCode: 2 });
    }
  });
});
