// The record analyzer reads redacted text: redaction's placeholders are never terms, and a staff
// name's token ([医生], the title) is read as the title's word.
import { describe, expect, it } from 'vitest';
import { createRecordAnalyzer } from '../../pipeline/text/analyze.ts';

const analyze = createRecordAnalyzer({ chineseWords: [], vietnamese: { collocations: [], wordCounts: [] }, englishPhrases: [] });
const keys = (text: string, fallback: 'zh' | 'vi' | 'en') => analyze(text, fallback).keys;

describe('createRecordAnalyzer on redacted text', () => {
  it('takes no placeholder for a word', () => {
    expect(keys('bác sĩ [tên] thái độ rất tệ', 'vi')).not.toContain('tên');
    expect(keys('患者[姓名]在急诊科等了很久', 'zh')).not.toContain('姓名');
    for (const key of keys('Dr [name] was rude, call [phone] or write to [email] [id]', 'en')) expect(['name', 'phone', 'email', 'id']).not.toContain(key);
  });

  it('reads a staff token as its title', () => {
    expect(keys('[医生]态度很差', 'zh')).toContain('医生');
  });
});
