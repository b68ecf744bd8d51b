import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding, readTextHead, transcodeToUtf8, type TextEncoding } from '../../pipeline/ingest/encoding.ts';
import { SHARED } from '../support/shared.ts';

const dataDir = path.join(SHARED, 'data/zh_medical_dialogue_dept');
const complaintZh = 'id,received_at,department,text\n1,2024-01-05 09:30,急诊科,挂号窗口排队两个小时，工作人员态度很差\n';
const complaintVi =
  'id,received_at,department,text\n1,2024-01-05 09:30,Khoa Cấp cứu,Bệnh nhân phải chờ đợi quá lâu, nhân viên thái độ không tốt\n';
const complaintEn = 'id,received_at,department,text\n1,2024-01-05,Car park,Charged £45 for parking and nobody explained why\n';
// windows-1258 has no precomposed toned vowels: Windows writes the tone as a combining mark after
// the vowel (ệ = ê + U+0323), so this is the exact text such a file decodes to.
const complaintVi1258 = 'id,text\n1,Bê\u0323nh nhân pha\u0309i chơ\u0300 đơ\u0323i qua\u0301 lâu\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearken-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** Detects, transcodes, and returns the UTF-8 text DuckDB would read. */
async function roundTrip(file: string, expected: TextEncoding, needsTranscode = true): Promise<string> {
  expect(await detectEncoding(file)).toEqual({ encoding: expected, needsTranscode });
  const out = `${file}.utf8`;
  await transcodeToUtf8(file, out, expected);
  const bytes = await readFile(out);
  expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  return bytes.toString('utf8');
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('detectEncoding on the shipped GB18030 sample', () => {
  const raw = path.join(dataDir, 'raw_gb18030.csv');

  it('detects gb18030 and transcodes byte-identically to `iconv -f gb18030 -t utf-8` (README there)', async () => {
    expect(await detectEncoding(raw)).toEqual({ encoding: 'gb18030', needsTranscode: true });
    const out = path.join(dir, 'raw.utf8.csv');
    await transcodeToUtf8(raw, out, 'gb18030');
    const reference = await readFile(path.join(dataDir, 'im_sample_5000-6000.utf8.csv'));
    expect((await readFile(out)).equals(reference)).toBe(true);
  });

  it('reads the header line through readTextHead', async () => {
    const reference = await readFile(path.join(dataDir, 'im_sample_5000-6000.utf8.csv'), 'utf8');
    const head = await readTextHead(raw, 'gb18030', 4096);
    expect(reference.startsWith(head)).toBe(true);
    expect(head.split('\n')[0]).toBe(reference.split('\n')[0]);
  });
});

describe('detectEncoding on small fixtures', () => {
  it('UTF-8 without BOM is read as is', async () => {
    const file = await fixture('utf8.csv', Buffer.from(complaintZh, 'utf8'));
    expect(await detectEncoding(file)).toEqual({ encoding: 'utf-8', needsTranscode: false });
  });

  it('Vietnamese UTF-8 with diacritics stays UTF-8', async () => {
    const file = await fixture('vi-utf8.csv', Buffer.from(complaintVi, 'utf8'));
    expect(await detectEncoding(file)).toEqual({ encoding: 'utf-8', needsTranscode: false });
    expect(await readTextHead(file, 'utf-8', 1 << 16)).toBe(complaintVi);
  });

  it('UTF-8 with BOM is transcoded only to drop the BOM', async () => {
    const file = await fixture('utf8-bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(complaintZh)]));
    expect(await roundTrip(file, 'utf-8-bom')).toBe(complaintZh);
  });

  it('UTF-16LE with BOM', async () => {
    const file = await fixture('utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(complaintVi, 'utf16le')]));
    expect(await roundTrip(file, 'utf-16le')).toBe(complaintVi);
  });

  it('UTF-16BE with BOM', async () => {
    const file = await fixture('utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(complaintZh)]));
    expect(await roundTrip(file, 'utf-16be')).toBe(complaintZh);
  });

  it('UTF-16LE without BOM is told by its NUL bytes, not passed off as UTF-8', async () => {
    const file = await fixture('utf16le-nobom.csv', Buffer.from(complaintEn, 'utf16le'));
    expect(await roundTrip(file, 'utf-16le')).toBe(complaintEn);
  });

  it('GBK Chinese complaint', async () => {
    const file = await fixture('gbk.csv', iconv.encode(complaintZh, 'gbk'));
    expect(await roundTrip(file, 'gb18030')).toBe(complaintZh);
  });

  it('GBK after more than a read chunk of ASCII (sampled where the non-ASCII bytes start)', async () => {
    const prefix = 'id,received_at,department,text\n' + '0,2024-01-01 00:00,ICU,ok\n'.repeat(50_000);
    const file = await fixture('gbk-late.csv', iconv.encode(prefix + complaintZh.split('\n')[1] + '\n', 'gbk'));
    expect(await roundTrip(file, 'gb18030')).toBe(prefix + complaintZh.split('\n')[1] + '\n');
  });

  it('Big5 traditional Chinese', async () => {
    const text = 'id,text\n1,掛號窗口排隊兩個小時，工作人員態度很差\n';
    const file = await fixture('big5.csv', iconv.encode(text, 'big5'));
    expect(await roundTrip(file, 'big5')).toBe(text);
  });

  it('windows-1252 English with a pound sign', async () => {
    const file = await fixture('cp1252.csv', iconv.encode(complaintEn, 'windows-1252'));
    expect(await roundTrip(file, 'windows-1252')).toBe(complaintEn);
  });

  it('windows-1258 Vietnamese is not mistaken for windows-1252 (chardet ranks ISO-8859-1 first)', async () => {
    const bytes = iconv.encode(complaintVi1258, 'windows-1258');
    expect(iconv.decode(bytes, 'windows-1258')).toBe(complaintVi1258); // the fixture is representable
    const file = await fixture('cp1258.csv', bytes);
    const text = await roundTrip(file, 'windows-1258');
    expect(text).toBe(complaintVi1258);
    expect(text.normalize('NFC')).toContain('Bệnh nhân phải chờ đợi quá lâu');
  });

  it('a multi-byte character split by the 1 MiB read chunk is still valid UTF-8', async () => {
    for (const shift of [1, 2, 3]) {
      const text = 'x'.repeat((1 << 20) - shift) + '急诊科 Cấp cứu 😷\n';
      const file = await fixture(`split-${shift}.csv`, Buffer.from(text, 'utf8'));
      expect(await detectEncoding(file)).toEqual({ encoding: 'utf-8', needsTranscode: false });
    }
  });

  it('transcoding keeps four-byte and surrogate-pair characters cut by a 64 KiB read chunk', async () => {
    // iconv-lite 0.7.3's stream decoder loses these (pillarjs/iconv-lite#417); the module must not.
    const chunk = 64 * 1024;
    for (const [encoding, unit] of [['gb18030', 1], ['utf-16le', 2], ['utf-16be', 2]] as const) {
      for (let shift = 1; shift <= 3; shift++) {
        const text = 'x'.repeat(Math.floor((chunk - shift) / unit)) + '😷𠀀急诊\n';
        const bytes = encoding === 'utf-16be' ? utf16be(text) : iconv.encode(text, encoding);
        const file = await fixture(`cut-${encoding}-${shift}.csv`, bytes);
        const out = `${file}.utf8`;
        await transcodeToUtf8(file, out, encoding);
        expect(await readFile(out, 'utf8')).toBe(text);
      }
    }
  });

  it('UTF-8 with a few broken bytes stays UTF-8 and is transcoded with U+FFFD in their place', async () => {
    const good = Buffer.from(complaintZh.repeat(3), 'utf8');
    const cut = Buffer.from('急', 'utf8').subarray(0, 2); // a field cut in the middle of a character
    const file = await fixture('utf8-broken.csv', Buffer.concat([good, cut, Buffer.from('\n')]));
    expect(await roundTrip(file, 'utf-8')).toBe(complaintZh.repeat(3) + '\uFFFD\n');
  });

  it('empty file is UTF-8', async () => {
    const file = await fixture('empty.csv', Buffer.alloc(0));
    expect(await detectEncoding(file)).toEqual({ encoding: 'utf-8', needsTranscode: false });
  });

  it('bytes that decode cleanly in nothing give a one-line error naming the file', async () => {
    const noise = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 73 + 11) % 256));
    const file = await fixture('noise.csv', noise);
    await expect(detectEncoding(file)).rejects.toThrow('cannot tell the text encoding');
  });
});

describe('readTextHead', () => {
  const cases: [TextEncoding, number, Buffer][] = [
    ['utf-8', 0, Buffer.from(complaintZh, 'utf8')],
    ['utf-8-bom', 3, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(complaintZh)])],
    ['gb18030', 0, iconv.encode(complaintZh + '𠀀', 'gb18030')], // 𠀀 takes four bytes in GB18030
    ['utf-16be', 2, Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(complaintZh + '😷')])],
  ];
  for (const [encoding, bomBytes, bytes] of cases) {
    it(`returns the longest whole-character prefix at every byte limit (${encoding})`, async () => {
      const file = await fixture(`head-${encoding}.csv`, bytes);
      const codec = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
      const chars = Array.from(iconv.decode(bytes, codec));
      for (let n = 1; n <= bytes.length + 1; n++) {
        let k = chars.length;
        while (k > 0 && bomBytes + iconv.encode(chars.slice(0, k).join(''), codec).length > n) k--;
        expect(await readTextHead(file, encoding, n)).toBe(chars.slice(0, k).join(''));
      }
    });
  }
});
