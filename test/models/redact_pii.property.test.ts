// Properties of redact_pii (models/macros/redact_pii.sql), generated rather than listed: personal
// numbers and e-mail addresses in the layouts the Chinese, Vietnamese and UK numbering plans and
// people's habits give (groupings, prefixes, full-width digits), inside zh/vi/en text, never
// survive; harmless numbers (amounts, dates, times, rooms, service lines, order numbers) do.
// Each run redacts a batch of texts in one query on one connection with the macro file loaded.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, listValue, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const macroPath = fileURLToPath(new URL('../../models/macros/redact_pii.sql', import.meta.url));

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(await readFile(macroPath, 'utf8'));
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

/** redact_pii of every text, in order, in one query. */
async function redactAll(texts: readonly string[]): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    'select list(redact_pii(t) order by i) as r from unnest($texts::varchar[]) with ordinality as v(t, i)',
    { texts: listValue([...texts]) },
  );
  return reader.getRowObjectsJS()[0]?.r as string[];
}

const RUNS = { numRuns: 25 };
const BATCH = { minLength: 40, maxLength: 40 };

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom(' ', '-', '.');

/** Splits a digit string into groups of the given sizes, joined by one separator. */
const grouped = (number: string, sizes: readonly number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(number.slice(at, (at += size)));
  return parts.join(sep);
};

/** A number as written: its layout, and the national digits that must not survive. */
interface Written {
  written: string;
  digits: string;
}

const chineseMobile: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9), fc.constantFrom([11], [3, 4, 4], [3, 3, 5], [3, 8]), separator, fc.constantFrom('', '+86 ', '+86', '0086', '86', '(+86) ', '+86-'))
  .map(([second, rest, sizes, sep, prefix]) => {
    const national = `1${second}${rest}`;
    return { written: prefix + grouped(national, sizes, sep), digits: national };
  });

const vietnameseMobile: fc.Arbitrary<Written> = fc
  .tuple(fc.constantFrom('3', '5', '7', '8', '9'), digits(8), fc.constantFrom([10], [4, 3, 3], [3, 3, 4], [2, 4, 4], [1, 3, 3, 3]), separator, fc.boolean())
  .map(([second, rest, sizes, sep, international]) => {
    const national = `0${second}${rest}`;
    const written = international ? `+84 ${grouped(national.slice(1), [3, 3, 3], sep)}` : grouped(national, sizes, sep);
    return { written, digits: national.slice(1) };
  });

const landline: fc.Arbitrary<Written> = fc
  .tuple(
    fc.constantFrom(
      // Chinese area codes with 8-digit numbers, Vietnamese 02x with 8, UK 3-4-4 and 4-3-4 and 5-6
      { area: '010', sizes: [3, 4, 4] },
      { area: '021', sizes: [3, 8] },
      { area: '0755', sizes: [4, 4, 4] },
      { area: '024', sizes: [3, 4, 4] },
      { area: '028', sizes: [3, 4, 4] },
      { area: '020', sizes: [3, 4, 4] },
      { area: '0161', sizes: [4, 3, 4] },
      { area: '01632', sizes: [5, 6] },
      { area: '07700', sizes: [5, 6] },
      { area: '07911', sizes: [5, 3, 3] },
    ),
    digits(8),
    fc.constantFrom(' ', '-', '.'),
  )
  .map(([{ area, sizes }, rest, sep]) => {
    const total = sizes.reduce((a, b) => a + b, 0);
    const national = (area + rest).slice(0, total).padEnd(total, '5');
    return { written: grouped(national, sizes, sep), digits: national.slice(1) };
  });

const ukInternational: fc.Arbitrary<Written> = fc
  .tuple(fc.constantFrom('7700', '7911', '20', '161'), digits(6), fc.constantFrom('+44 ', '+44 (0)', '0044 '))
  .map(([area, rest, prefix]) => {
    const national = (area + rest).padEnd(10, '4').slice(0, 10);
    return { written: `${prefix}${national.slice(0, 4)} ${national.slice(4)}`, digits: national };
  });

/** A Chinese resident ID (GB 11643): region, a real birth date, sequence, check character. */
const chineseId: fc.Arbitrary<Written> = fc
  .tuple(fc.integer({ min: 1, max: 8 }), digits(5), fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }), digits(3), fc.constantFrom('0', '7', 'X'), fc.constantFrom('', '-', ' '))
  .map(([first, region, birth, sequence, check, sep]) => {
    const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const id = `${first}${region}${date}${sequence}${check}`;
    return { written: sep === '' ? id : [id.slice(0, 6), id.slice(6, 14), id.slice(14)].join(sep), digits: id.slice(0, 17) };
  });

/** A Vietnamese CCCD: province 0xx, gender and century 0-3, then 8 digits. */
const citizenId: fc.Arbitrary<Written> = fc
  .tuple(digits(2), fc.integer({ min: 0, max: 3 }), digits(8), fc.constantFrom([12], [3, 3, 3, 3], [4, 4, 4]), fc.constantFrom(' ', '.', '-'))
  .map(([province, century, rest, sizes, sep]) => {
    const id = `0${province}${century}${rest}`;
    return { written: grouped(id, sizes, sep), digits: id };
  });

const FULL_WIDTH_OFFSET = 0xfee0;
const toFullWidth = (text: string) => text.replace(/[0-9+\-.()]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + FULL_WIDTH_OFFSET));
const fromFullWidth = (text: string) => text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCodePoint(c.codePointAt(0)! - FULL_WIDTH_OFFSET));

/** Any personal number, written in ASCII or, as Chinese input methods often do, full width. */
const personalNumber: fc.Arbitrary<Written> = fc
  .tuple(fc.oneof(chineseMobile, vietnameseMobile, landline, ukInternational, chineseId, citizenId), fc.boolean())
  .map(([number, fullWidth]) => (fullWidth ? { ...number, written: toFullWidth(number.written) } : number));

const letters = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const latin = 'abcdefghijklmnopqrstuvwxyz';
const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const han = '张王李刘陈杨黄赵吴周小明华丽伟芳';

/** E-mail addresses with ASCII, Vietnamese or Chinese local parts and domains, @ or full-width ＠. */
const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(letters(latin, 4, 10), letters(vietnamese, 4, 10), letters(han, 2, 4)),
    fc.constantFrom('', '.', '_', '+'),
    fc.oneof(letters(latin, 1, 4), fc.integer({ min: 1, max: 99 }).map(String)),
    fc.oneof(letters(latin, 3, 8), letters(vietnamese, 3, 8), letters(han, 2, 3)),
    fc.constantFrom('.com', '.vn', '.com.vn', '.co.uk', '.中国', '.公司', '.xn--fiqs8s', '.org'),
    fc.constantFrom('@', '＠'),
  )
  .map(([local, joiner, tail, domain, tld, at]) => `${local}${joiner}${tail}${at}${domain}${tld}`);

/** Text around an identifier: no digits, so any digit in the output came from the identifier. */
const context = fc.constantFrom(
  ['请回电', '，谢谢'],
  ['我的联系方式', '。'],
  ['家属电话：', '，有事请联系'],
  ['Gọi lại cho tôi qua số ', ' nhé'],
  ['SĐT', ', gọi giờ hành chính'],
  ['Số CCCD ', ' của mẹ tôi'],
  ['Please call me on ', ' after five'],
  ['Contact: ', ''],
  ['', ' is my number'],
  ['email me at ', '.'],
  ['Email: ', ' hoặc gọi điện'],
  ['我的邮箱是 ', ' ，请发报告'],
  ['(', ')'],
);

const digitsOf = (text: string) => fromFullWidth(text).replace(/[^0-9]/g, '');

describe('redact_pii on generated identifiers', () => {
  it('leaves no personal number in any layout, in any text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(context, personalNumber), BATCH), async (cases) => {
        const texts = cases.map(([[before, after], number]) => before + number.written + after);
        const redacted = await redactAll(texts);
        cases.forEach(([, number], i) => {
          const out = redacted[i] ?? '';
          expect(out, texts[i]).not.toContain(number.written);
          // the digits people would dial or type (no prefix), in ASCII or full width
          expect(digitsOf(out), texts[i]).not.toContain(number.digits.slice(-8));
        });
      }),
      RUNS,
    );
  });

  it('leaves no e-mail address, whatever its script or its @', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(context, email), BATCH), async (cases) => {
        const texts = cases.map(([[before, after], address]) => `${before}${address}${after}`);
        const redacted = await redactAll(texts);
        cases.forEach(([, address], i) => {
          const out = redacted[i] ?? '';
          expect(out, texts[i]).not.toMatch(/[@＠]/);
          expect(out, texts[i]).toContain('[email]');
        });
      }),
      RUNS,
    );
  });
});

const day = fc.date({ min: new Date('2015-01-01'), max: new Date('2026-12-31'), noInvalidDate: true });
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Numbers feedback is full of that identify nobody: each must come through redaction unchanged. */
const harmless: fc.Arbitrary<string> = fc.oneof(
  // Vietnamese amounts grouped by dots or spaces, Chinese amounts with ¥ and commas
  fc.tuple(fc.integer({ min: 1, max: 999 }), fc.array(digits(3), { minLength: 1, maxLength: 4 }), fc.constantFrom('.', ' '))
    .map(([lead, groups, sep]) => `Tổng chi phí ${[String(lead), ...groups].join(sep)} đồng`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 3 })).map(([lead, n]) => `Bảo hiểm chi trả ${lead}${'0'.repeat(6 + n)} đồng`),
  fc.integer({ min: 1, max: 99_999_999 }).map((n) => `费用¥${n.toLocaleString('en-US')}.50太贵了`),
  // dates and times, alone and in pairs
  fc.tuple(day, day).map(([a, b]) => `${iso(a)} 08:30:00 入院，${iso(b)} 10:00:00 出院`),
  fc.tuple(day, day).map(([a, b]) => `Hẹn tái khám ${iso(a).split('-').reverse().join('.')} ${iso(b).split('-').reverse().join('.')}`),
  fc.tuple(day, day).map(([a, b]) => `Seen ${iso(a).split('-').reverse().join('/')} and ${iso(b).split('-').reverse().join('/')}`),
  day.map((d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日上午9点30分到门诊`),
  // rooms, beds, wards
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 60 })).map(([floor, bed]) => `${floor}楼${bed}床的病人一直在叫`),
  fc.tuple(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 40 })).map(([room, bed]) => `Room ${room}, bed ${bed}, phòng ${room}`),
  // service lines
  fc.constantFrom('我打了12345热线投诉', 'Tôi đã gọi 115 rồi', '打120叫的救护车', 'Gọi đường dây nóng 1900 9095', 'Called 111 and then 999'),
  fc.tuple(fc.constantFrom('1900', '1800'), digits(4)).map(([line, rest]) => `Tổng đài ${line} ${rest} luôn bận`),
  // order and admission numbers: timestamps, which fail the ID's date check by their length
  fc.tuple(day, digits(6)).map(([d, rest]) => `订单号${iso(d).replaceAll('-', '')}${rest}的退费还没到账`),
);

describe('redact_pii on generated harmless numbers', () => {
  it('leaves amounts, dates, times, rooms, service lines and order numbers as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(harmless, BATCH), async (texts) => {
        expect(await redactAll(texts)).toEqual(texts);
      }),
      RUNS,
    );
  });
});
