import { describe, expect, it } from 'vitest';
import { englishStopWords } from '../../pipeline/text/english.ts';
import { detectLanguage, vietnameseSyllables, type LanguageVocabulary } from '../../pipeline/text/language.ts';
import { readShippedList } from '../../pipeline/text/word-lists.ts';

const vocabulary: LanguageVocabulary = {
  vietnameseSyllables: vietnameseSyllables(readShippedList('vi/words_pyvi.txt')),
  englishWords: englishStopWords(),
};
const detect = (text: string) => detectLanguage(text, vocabulary);

describe('detectLanguage', () => {
  it('reads Chinese, also with Latin acronyms and numbers inside', () => {
    expect(detect('挂号窗口排队太久')).toBe('zh');
    expect(detect('做CT和MRI等了3个小时')).toBe('zh');
  });

  it('reads Vietnamese by its letters, and without diacritics by its syllables', () => {
    expect(detect('Thái độ nhân viên bãi gửi xe rất cáu gắt')).toBe('vi');
    expect(detect('thai do nhan vien khong tot, cho doi qua lau')).toBe('vi');
  });

  it('reads English, also when it names a Vietnamese or Chinese person or ward', () => {
    expect(detect('The nurse on the ward was rude and we waited for hours')).toBe('en');
    expect(detect('Dr Nguyễn was kind but the car park is always full and expensive')).toBe('en');
    expect(detect('We were seen by Dr 王 in the clinic and the wait was long')).toBe('en');
  });

  it('takes the fallback when there are no words at all', () => {
    expect(detectLanguage('13800138000 !!!', vocabulary, 'vi')).toBe('vi');
    expect(detectLanguage('', vocabulary)).toBe('en');
  });
});
