import { describe, expect, it } from 'vitest';
import { chineseAnalyzer } from '../../pipeline/text/chinese.ts';

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
