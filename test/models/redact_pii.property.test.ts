// Properties of redact_pii (models/macros/redact_pii.sql), generated rather than listed: personal
// numbers and e-mail addresses in the layouts the Chinese, Vietnamese and UK numbering plans and
// people's habits give (groupings, prefixes, full-width digits), inside zh/vi/en text, never
// survive; harmless numbers (amounts, dates, times, rooms, service lines, order numbers) do.
// Each run redacts a batch of texts in one query on one connection with the macro file loaded.
import { listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macroConnection } from '../support/macro-connection.ts';
import { digits, digitsOf, email, personalNumber } from '../support/personal-data.ts';


const connection = macroConnection('redact_pii');

/** redact_pii of every text, in order, in one query. */
async function redactAll(texts: readonly string[]): Promise<string[]> {
  const reader = await connection().runAndReadAll(
    'select list(redact_pii(t) order by i) as r from unnest($texts::varchar[]) with ordinality as v(t, i)',
    { texts: listValue([...texts]) },
  );
  return reader.getRowObjectsJS()[0]?.r as string[];
}

const RUNS = { numRuns: 25 };
const BATCH = { minLength: 40, maxLength: 40 };

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
