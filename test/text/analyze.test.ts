// The record analyzer reads redacted text: redaction's placeholders are never terms, and a staff
// name's token ([医生], the title) is read as the title's word.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTask, createRecordAnalyzer, taskSlices } from '../../pipeline/text/analyze.ts';

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

describe('the texts file of a batch', () => {
  it('is cut into tasks at line breaks, the last task taking what is left', () => {
    const bytes = Buffer.from('{"seq":1}\n{"seq":2}\n{"seq":3}\n');
    expect(taskSlices(bytes, 2)).toEqual([
      { start: 0, end: 20 },
      { start: 20, end: 30 },
    ]);
    expect(taskSlices(bytes, 3)).toEqual([{ start: 0, end: 30 }]);
    expect(taskSlices(Buffer.alloc(0), 2)).toEqual([]);
  });

  it('gives each task its own records, a text with a line break or a tab included, and writes a line for each', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-analyze-'));
    try {
      const textsFile = join(dir, 'texts.json');
      const records = [
        { seq: 7, text: '挂号窗口排队太久', fallback: 'zh' },
        { seq: 8, text: 'CT\t检查\n排队', fallback: null },
        { seq: 9, text: '', fallback: 'vi' },
      ];
      writeFileSync(textsFile, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
      const [first, second] = taskSlices(readFileSync(textsFile), 2);
      const analysisFile = join(dir, 'second.tsv');
      analyseTask(analyze, { textsFile, start: second!.start, end: second!.end, analysisFile });
      expect(readFileSync(analysisFile, 'utf8')).toBe('9\tvi\t\t\t\n');
      analyseTask(analyze, { textsFile, start: first!.start, end: first!.end, analysisFile });
      // keys 'ct', surfaces 'CT': the surfaces are written; where every surface is its key they are not
      expect(readFileSync(analysisFile, 'utf8')).toBe('7\tzh\tprocess\t挂号窗口\u001f排队\u001f太久\t\n8\tzh\tprocess\u001fquality\tct\u001f检查\u001f排队\tCT\u001f检查\u001f排队\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
