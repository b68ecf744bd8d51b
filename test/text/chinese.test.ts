import { describe, expect, it } from 'vitest';
import { chineseAnalyzer, hospitalJieba, learnChineseWords } from '../../pipeline/text/chinese.ts';

const analyze = chineseAnalyzer();
const keys = (text: string): string[] => analyze(text).map((term) => term.key);

describe('chineseAnalyzer', () => {
  it('keeps hospital places and offices whole, where plain jieba and Intl.Segmenter split them', () => {
    // plain jieba: 挂号/窗口, 医患/办, 地下/停车场, 医保/报销
    expect(keys('挂号窗口排队太久，医患办的护士态度很差')).toEqual(['挂号窗口', '排队', '太久', '医患办', '护士', '态度', '很差']);
    expect(keys('地下停车场收费贵，医保报销流程复杂')).toEqual(['地下停车场', '收费', '贵', '医保报销', '流程', '复杂']);
  });

  it('segments complaint language and department names', () => {
    expect(keys('急诊科医生不耐烦，爱答不理')).toEqual(['急诊科', '医生', '不耐烦', '爱答不理']);
    expect(keys('厕所太脏了，没有热水')).toEqual(['厕所', '太脏', '热水']);
  });

  it('drops the function words, adverbs and request words of function_words.txt, which name no issue', () => {
    // 只能, 尽快, 相关, 解决, 给予, 答复 are listed there; jieba cuts 相关部门 into 相关/部门
    expect(keys('只能去窗口排队，希望相关部门尽快解决并给予答复')).toEqual(['窗口', '排队', '部门']);
  });

  it('drops stop words, punctuation and numbers but keeps Latin words such as CT, lower-cased as keys', () => {
    const terms = analyze('我做CT等了3个小时，13800138000');
    expect(terms.map((term) => term.key)).toEqual(['ct', '小时']);
    expect(terms[0]?.surface).toBe('CT');
  });

  it('drops hospital background words listed in hospital_stopwords.txt', () => {
    expect(keys('医院的患者都在排队')).toEqual(['排队']);
  });
});

describe('learnChineseWords', () => {
  // 30 texts where patients fetch boiled water (去打开水很, 来打开水难, …) and 30 that name a room
  // after a floor number (3楼诊室很, …): N = 270 Han characters. 打开水 and 楼诊室 each hold
  // together (cohesion ln(30·270 / (30·30)) = ln 9 over either split) and stand free (5 or more
  // different neighbours, or run edges, on each side); 打开, 开水 and 诊室 are always bound to
  // the same neighbour. jieba cuts 打开水 into 打开 + 水, a word it knows and a character it could
  // not place: learned. 楼诊室 opens with the stray 楼 (the tail of 3楼): left out.
  const lefts = ['去', '来', '先', '要', '想', '得'];
  const rights = ['很', '难', '要', '排', '等'];
  const texts = Object.freeze([
    ...lefts.flatMap((left) => rights.map((right) => `${left}打开水${right}`)),
    ...lefts.flatMap((_, floor) => rights.map((right) => `${floor + 1}楼诊室${right}`)),
  ]);
  const learned = learnChineseWords(texts, { minCohesion: Math.log(4) });

  it('learns the hospital word jieba splits, and not a string opening with a stray character', () => {
    expect(learned.map(([word]) => word)).toEqual(['打开水']);
    expect(learned[0]![1]).toBeGreaterThan(1);
  });

  it('learns from an even sample of a larger corpus, the same sample every time', () => {
    // every other text in code-unit order: 15 of each kind, 打开水 still with 6 left and 5 right
    // neighbours, cohesion ln(15·135 / (15·15)) = ln 9
    expect(learnChineseWords(texts, { minCohesion: Math.log(4), maxTexts: 30 }).map(([word]) => word)).toEqual(['打开水']);
  });

  it('keeps it whole once fed to jieba’s user dictionary, so 打开 is no term of the hospital’s text', () => {
    expect(hospitalJieba().cut('来医院打开水', true)).toEqual(['来', '医院', '打开', '水']);
    expect(hospitalJieba(learned).cut('来医院打开水', true)).toEqual(['来', '医院', '打开水']);
    expect(chineseAnalyzer(hospitalJieba(learned))('来医院打开水').map((term) => term.key)).toEqual(['打开水']);
  });
});
