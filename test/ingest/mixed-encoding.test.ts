import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detectEncoding, transcodeLinesToUtf8 } from '../../pipeline/ingest/encoding.ts';
import { SHARED } from '../support/shared.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';

// Fixtures are built from bytes: a UTF-8 export with one line in another encoding appended by
// another tool, and the reverse. The text each line must decode to is the text it was written from.
const header = 'id,received_at,department,text';
const utf8Rows = ['1,2025-01-02,急诊科,排队两个小时没人管', '2,2025-01-03,Khoa Cấp cứu,Bệnh nhân chờ lâu'];
const utf8 = (lines: string[]) => Buffer.from(lines.map((line) => `${line}\n`).join(''));
// windows-1258 writes a tone as a combining mark after the vowel (ệ = ê + U+0323)
const vietnamese1258 = '3,2025-01-04,Khoa Nhi,Bê\u0323nh nhân pha\u0309i chơ\u0300 đơ\u0323i qua\u0301 lâu';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hearken-mixed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Detects and transcodes line by line; returns the decoded lines and the report. */
async function decodeLines(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const { encoding } = await detectEncoding(file);
  const report = await transcodeLinesToUtf8(file, `${file}.utf8`, encoding);
  const lines = (await readFile(`${file}.utf8`, 'utf8')).split('\n').map((line) => line.normalize('NFC'));
  return { encoding, ...report, lines };
}

describe('a file mixing encodings is decoded line by line, each foreign line reported', () => {
  it('UTF-8 with one GB18030 line', async () => {
    const line = '3,2025-01-04,心内科,护士态度很差，挂号太慢';
    const result = await decodeLines('gb-line.csv', Buffer.concat([utf8([header, ...utf8Rows]), iconv.encode(`${line}\n`, 'gb18030'), utf8(['4,2025-01-05,急诊科,好'])]));
    expect(result).toMatchObject({ encoding: 'utf-8', recoded: [{ line: 4, encoding: 'gb18030' }], undecodable: [] });
    expect(result.lines).toEqual([header, ...utf8Rows, line, '4,2025-01-05,急诊科,好', '']);
  });

  it('UTF-8 with one cp1252 line, and with one windows-1258 (Vietnamese) line', async () => {
    const line = '3,2025-01-04,Car park,Café crème: the fee was £45';
    const latin = await decodeLines('cp1252-line.csv', Buffer.concat([utf8([header, ...utf8Rows]), iconv.encode(`${line}\n`, 'win1252')]));
    expect(latin).toMatchObject({ encoding: 'utf-8', recoded: [{ line: 4, encoding: 'windows-1252' }], undecodable: [] });
    expect(latin.lines[3]).toBe(line);

    const vi = await decodeLines('cp1258-line.csv', Buffer.concat([utf8([header, ...utf8Rows]), iconv.encode(`${vietnamese1258}\n`, 'win1258')]));
    expect(vi).toMatchObject({ encoding: 'utf-8', recoded: [{ line: 4, encoding: 'windows-1258' }] });
    expect(vi.lines[3]).toBe('3,2025-01-04,Khoa Nhi,Bệnh nhân phải chờ đợi quá lâu');
  });

  it('UTF-8 with one stray Latin-1 byte: only that byte is decoded otherwise, the Chinese around it stays', async () => {
    const bytes = Buffer.concat([utf8([header, ...utf8Rows]), Buffer.from('3,2025-01-04,急诊科,Caf'), Buffer.from([0xe9]), Buffer.from(' 很好\n')]);
    const result = await decodeLines('stray.csv', bytes);
    expect(result).toMatchObject({ encoding: 'utf-8', recoded: [{ line: 4, encoding: 'windows-1252' }], undecodable: [] });
    expect(result.lines[3]).toBe('3,2025-01-04,急诊科,Café 很好');
  });

  it('a GB18030 export with one UTF-8 line pasted in', async () => {
    const gbText = [header, '1,2025-01-02,急诊科,排队两个小时没人管，挂号窗口工作人员态度很差', '2,2025-01-03,心内科,医生解释得很清楚'];
    const pasted = '3,2025-01-04,急诊科,网页上复制的投诉';
    const result = await decodeLines('gb-file.csv', Buffer.concat([iconv.encode(gbText.map((l) => `${l}\n`).join(''), 'gb18030'), utf8([pasted])]));
    expect(result).toMatchObject({ encoding: 'gb18030', recoded: [{ line: 4, encoding: 'utf-8' }], undecodable: [] });
    expect(result.lines).toEqual([...gbText, pasted, '']);
  });

  it('a line no encoding makes sense of is left empty and reported, never loaded as U+FFFD', async () => {
    // 0x81 0x8d are C1 controls in windows-1252, 0x81 before a space is no GB18030 character, 0xff is nothing in UTF-8
    const bytes = Buffer.concat([utf8([header, ...utf8Rows]), Buffer.from('3,2025-01-04,x,'), Buffer.from([0x81, 0x20, 0x8d, 0x20, 0xff]), Buffer.from('\n')]);
    const result = await decodeLines('bad.csv', bytes);
    expect(result).toMatchObject({ encoding: 'utf-8', recoded: [], undecodable: [4] });
    expect(result.lines).toEqual([header, ...utf8Rows, '', '']);
  });

  it('reproduces the shipped GB18030 sample byte for byte, with no line reported', async () => {
    const data = path.join(SHARED, 'data/zh_medical_dialogue_dept');
    const out = path.join(dir, 'sample.utf8.csv');
    expect(await transcodeLinesToUtf8(path.join(data, 'raw_gb18030.csv'), out, 'gb18030')).toEqual({ recoded: [], undecodable: [] });
    expect((await readFile(out)).equals(await readFile(path.join(data, 'im_sample_5000-6000.utf8.csv')))).toBe(true);
  });
});

describe('a run reports the mixed lines and quarantines the undecodable one', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await createWorkspace();
  });
  afterEach(async () => {
    await ws.dispose();
  });

  it('in the run summary, the data-quality page and the quarantine, with rows_read = loaded + duplicates + quarantined', async () => {
    await ws.write(
      'mixed.csv',
      Buffer.concat([
        utf8([header, ...utf8Rows]),
        iconv.encode('3,2025-01-04,心内科,护士态度很差\n', 'gb18030'),
        Buffer.from('4,2025-01-05,急诊科,Caf'), Buffer.from([0xe9]), Buffer.from(' 很好\n'),
        Buffer.from('5,2025-01-06,急诊科,'), Buffer.from([0x81, 0x20, 0x8d, 0x20, 0xff]), Buffer.from('\n'),
        utf8(['6,2025-01-07,急诊科,还是排队']),
      ]),
    );
    const { summary } = await ws.run();
    const [file] = summary.files;
    expect(file).toMatchObject({
      path: 'mixed.csv', status: 'loaded', encoding: 'utf-8', rows_read: 6, loaded: 5, duplicates: 0, quarantined: 1,
      quarantine_reasons: { 'line is not text in any known encoding': 1 },
      quarantine_reason_codes: { line_not_text: 1 },
      recoded_lines: 2,
      recoded_examples: [{ line: 4, encoding: 'gb18030' }, { line: 5, encoding: 'windows-1252' }],
    });
    expect(await ws.query('select id, text_raw as text from feedback_records order by id')).toEqual([
      { id: '1', text: '排队两个小时没人管' },
      { id: '2', text: 'Bệnh nhân chờ lâu' },
      { id: '3', text: '护士态度很差' },
      { id: '4', text: 'Café 很好' },
      { id: '6', text: '还是排队' },
    ]);
    expect(summary.data_quality.quarantine_by_reason).toEqual([
      { hospital: 'input', reason: 'line is not text in any known encoding', reason_code: 'line_not_text', rows: 1, examples: [{ path: 'mixed.csv', row: null, line: 6 }] },
    ]);
    const page = await readFile(path.join(ws.out, 'index.html'), 'utf8');
    expect(page).toContain('Lines decoded with another encoding');
    // one row: the file, the line (a number), the encoding it was read in (cells carry data-label on a phone)
    expect(page).toMatch(/<td[^>]*>mixed\.csv<\/td><td[^>]*class="num"[^>]*>4<\/td><td[^>]*>gb18030<\/td>/);
  });
});
