import { describe, expect, it } from 'vitest';
import {
  foldVietnamese,
  learnVietnameseStatistics,
  normalizeVietnamese,
  vietnameseAnalyzer,
  vietnameseStopWords,
  vietnameseWords,
} from '../../pipeline/text/vietnamese.ts';

// the shipped lists, read once: every analyzer below is built from these plain arrays
const words = Object.freeze(vietnameseWords());
const stopWords = Object.freeze(vietnameseStopWords());
const analyze = vietnameseAnalyzer({ words, stopWords });

function keys(text: string, analyzer = analyze): string[] {
  return analyzer(text).map((term) => term.key);
}

describe('vietnameseAnalyzer', () => {
  it('joins the syllables of hospital words', () => {
    expect(keys('Thái độ nhân viên bãi gửi xe rất cáu gắt')).toEqual(['thái độ', 'nhân viên', 'bãi gửi xe', 'cáu gắt']);
    expect(keys('Phải xếp hàng chờ đợi 3 tiếng để thanh toán viện phí')).toEqual([
      'xếp hàng',
      'chờ đợi',
      'tiếng',
      'thanh toán',
      'viện phí',
    ]);
    expect(keys('Nhà vệ sinh khoa Nhi bẩn')).toEqual(['nhà vệ sinh', 'khoa nhi', 'bẩn']);
    expect(keys('Bảo hiểm y tế không thanh toán tiền thuốc')).toEqual(['bảo hiểm y tế', 'thanh toán', 'tiền thuốc']);
  });

  it('drops stop words, hospital ones included, but keeps words complaints need', () => {
    expect(keys('Bệnh viện này thì rất là tốt')).toEqual(['tốt']);
    expect(keys('Chờ lâu quá, phòng bẩn, thuốc đắt, không sạch')).toEqual(['chờ', 'lâu', 'phòng', 'bẩn', 'thuốc', 'đắt', 'sạch']);
  });

  it('drops the function words and request words of function_words.txt, which name no issue', () => {
    expect(keys('Mong bệnh viện sớm khắc phục nhà vệ sinh bẩn, xin chân thành cảm ơn')).toEqual(['nhà vệ sinh', 'bẩn']);
  });

  it('keeps the surface as written and the key with one tone-mark placement', () => {
    expect(analyze('Điều hòa hỏng, điều hoà kêu to')).toEqual([
      { key: 'điều hoà', surface: 'điều hòa' },
      { key: 'hỏng', surface: 'hỏng' },
      { key: 'điều hoà', surface: 'điều hoà' },
      { key: 'kêu', surface: 'kêu' },
      { key: 'to', surface: 'to' },
    ]);
    expect(keys('Sức khỏe, sức khoẻ')).toEqual(['sức khoẻ', 'sức khoẻ']);
    expect(keys('mổ đục thủy tinh thể; mổ đục thuỷ tinh thể')).toEqual(['mổ', 'đục', 'thuỷ tinh thể', 'mổ', 'đục', 'thuỷ tinh thể']);
  });

  it('gives decomposed (NFD) input the keys of composed (NFC) input', () => {
    const text = 'Điều dưỡng thờ ơ, hộ lý cộc lốc; chụp X-quang mất cả buổi';
    expect(text.normalize('NFD')).not.toBe(text);
    expect(analyze(text.normalize('NFD'))).toEqual(analyze(text));
    expect(keys(text)).toEqual(['điều dưỡng', 'thờ ơ', 'hộ lý', 'cộc lốc', 'chụp x quang', 'mất']);
  });

  it('drops numbers, phone numbers, amounts and codes, which also break words apart', () => {
    const text = 'Gọi 0903 123 456, 0903.123.456 hay +84 903 123 456 không ai nghe máy; phòng 302, thẻ BHYT HS4010123456789, khu A12, lúc 12h30, trả 500.000đ';
    expect(keys(text)).toEqual(['gọi', 'máy', 'phòng', 'thẻ bhyt', 'khu', 'trả']);
    expect(keys('nhân 2 viên')).toEqual(['nhân', 'viên']);
  });

  it('does not join syllables across punctuation or line breaks', () => {
    expect(keys('nhân. Viên')).toEqual(['nhân', 'viên']);
    expect(keys('nhân\nviên')).toEqual(['nhân', 'viên']);
    expect(keys('nhân viên 😡 thái độ')).toEqual(['nhân viên', 'thái độ']);
  });

  it('drops English words unless the dictionary has them (wifi)', () => {
    expect(analyze('Staff rất nice, wifi yếu, thang máy nhà B hỏng')).toEqual([
      { key: 'wifi', surface: 'wifi' },
      { key: 'yếu', surface: 'yếu' },
      { key: 'thang máy', surface: 'thang máy' },
      { key: 'hỏng', surface: 'hỏng' },
    ]);
  });

  it('reads text typed without diacritics through the folded dictionary', () => {
    expect(analyze('thai do nhan vien khong tot')).toEqual([
      { key: 'thái độ', surface: 'thai do' },
      { key: 'nhân viên', surface: 'nhan vien' },
      // several words fold to these (không, khống; tốt, tột, tọt): without corpus counts they stay plain
      { key: 'khong', surface: 'khong' },
      { key: 'tot', surface: 'tot' },
    ]);
  });

  it('maps a plain form to the word that dominates in the corpus, and drops it if that is a stop word', () => {
    const corpus = Array.from({ length: 6 }, () => 'Thái độ nhân viên không tốt.');
    const statistics = learnVietnameseStatistics(corpus, { words, stopWords });
    expect(statistics.wordCounts).toContainEqual(['không', 6]);
    const analyzer = vietnameseAnalyzer({ words, stopWords, ...statistics });
    expect(keys('thai do nhan vien khong tot', analyzer)).toEqual(['thái độ', 'nhân viên', 'tốt']);
    // with counts, a plain form stands for no word that the corpus never used
    expect(keys('da bao nhan vien', analyzer)).toEqual(['da', 'bao', 'nhân viên']);
  });

  it('does not fold plain syllables in text written with diacritics', () => {
    expect(keys('Chị ấy có thai do đó phải ưu tiên')).toEqual(['có thai', 'ưu tiên']);
  });

  it('joins a learned collocation the dictionary lacks', () => {
    const corpus = [
      ...Array.from({ length: 6 }, () => 'Ghế nhựa ở sảnh chờ bị gãy.'),
      'Thiếu ghế cho người nhà.',
      'Cốc nhựa vứt bừa bãi.',
    ];
    expect(keys('Ghế nhựa gãy')).toEqual(['ghế', 'nhựa', 'gãy']);
    const { collocations } = learnVietnameseStatistics(corpus, { words, stopWords });
    expect(collocations).toContainEqual(['ghế', 'nhựa']);
    const analyzer = vietnameseAnalyzer({ words, stopWords, collocations });
    expect(analyzer('Ghế nhựa gãy')).toEqual([
      { key: 'ghế nhựa', surface: 'ghế nhựa' },
      { key: 'gãy', surface: 'gãy' },
    ]);
  });

  it('is rebuilt from plain data, as a worker thread receives it', () => {
    const corpus = Array.from({ length: 6 }, () => 'Ghế nhựa ở sảnh chờ bị gãy, nhân viên không tốt.');
    const statistics = learnVietnameseStatistics(corpus, { words, stopWords });
    const sent = JSON.parse(JSON.stringify({ words, stopWords, ...statistics })) as Parameters<typeof vietnameseAnalyzer>[0];
    const here = vietnameseAnalyzer({ words, stopWords, ...statistics });
    const there = vietnameseAnalyzer(sent);
    const text = 'Ghế nhựa gãy, nhan vien khong tot';
    expect(there(text)).toEqual(here(text));
  });

  it('uses the shipped lists by default', () => {
    expect(keys('Thái độ nhân viên', vietnameseAnalyzer())).toEqual(['thái độ', 'nhân viên']);
  });
});

describe('normalizeVietnamese', () => {
  it('puts the tone mark on the second vowel of oa, oe and uy, as pyvi does', () => {
    expect(normalizeVietnamese('Hòa THỦY khỏe hoà thuỷ khoẻ')).toBe('hoà thuỷ khoẻ hoà thuỷ khoẻ');
  });

  it('leaves syllables whose placement is not in question', () => {
    expect(normalizeVietnamese('hoàn huỳnh quý ngoài khuya thuở')).toBe('hoàn huỳnh quý ngoài khuya thuở');
  });
});

describe('foldVietnamese', () => {
  it('removes tone and vowel marks and turns đ into d', () => {
    expect(foldVietnamese('Đợi ở bãi gửi xe, thuỷ')).toBe('Doi o bai gui xe, thuy');
  });
});
