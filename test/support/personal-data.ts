// Generators of personal data for the privacy property tests: numbers in the layouts the
// Chinese, Vietnamese and UK numbering plans and people's habits give (groupings, prefixes,
// full-width digits), ID card numbers, e-mail addresses in any script, and names after a title.
import fc from 'fast-check';

const digit = fc.integer({ min: 0, max: 9 }).map(String);
export const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const separator = fc.constantFrom(' ', '-', '.');

/** Splits a digit string into groups of the given sizes, joined by one separator. */
const grouped = (number: string, sizes: readonly number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(number.slice(at, (at += size)));
  return parts.join(sep);
};

/** A number as written: its layout, and the national digits that must not survive. */
export interface Written {
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
export const personalNumber: fc.Arbitrary<Written> = fc
  .tuple(fc.oneof(chineseMobile, vietnameseMobile, landline, ukInternational, chineseId, citizenId), fc.boolean())
  .map(([number, fullWidth]) => (fullWidth ? { ...number, written: toFullWidth(number.written) } : number));

export const letters = (alphabet: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const latin = 'abcdefghijklmnopqrstuvwxyz';
const vietnamese = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
const han = '张王李刘陈杨黄赵吴周小明华丽伟芳';

/** E-mail addresses with ASCII, Vietnamese or Chinese local parts and domains, @ or full-width ＠. */
export const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(letters(latin, 4, 10), letters(vietnamese, 4, 10), letters(han, 2, 4)),
    fc.constantFrom('', '.', '_', '+'),
    fc.oneof(letters(latin, 1, 4), fc.integer({ min: 1, max: 99 }).map(String)),
    fc.oneof(letters(latin, 3, 8), letters(vietnamese, 3, 8), letters(han, 2, 3)),
    fc.constantFrom('.com', '.vn', '.com.vn', '.co.uk', '.中国', '.公司', '.xn--fiqs8s', '.org'),
    fc.constantFrom('@', '＠'),
  )
  .map(([local, joiner, tail, domain, tld, at]) => `${local}${joiner}${tail}${at}${domain}${tld}`);

/** A made-up name after a patient or staff title, and the name itself, which must not be published. */
export const titledName: fc.Arbitrary<{ written: string; name: string }> = fc.oneof(
  fc.tuple(fc.constantFrom('Dr ', 'Nurse ', 'Mrs ', 'patient '), letters('aeiou', 1, 1), letters('bdfgklmnprstvxz', 4, 6))
    .map(([title, vowel, rest]) => ({ written: `${title}Q${vowel}${rest}`, name: `Q${vowel}${rest}` })),
  fc.tuple(fc.constantFrom('bác sĩ ', 'bệnh nhân ', 'điều dưỡng '), fc.constantFrom('Ư', 'Ơ', 'Đ'), letters('ăâêôơư', 1, 1), fc.constantFrom('Xuyến', 'Khuê', 'Thoa', 'Quỳnh'))
    .map(([title, initial, vowel, given]) => ({ written: `${title}${initial}${vowel}ng ${given}`, name: `${initial}${vowel}ng ${given}` })),
  fc.tuple(fc.constantFrom('患者', '家属'), fc.constantFrom('欧阳', '诸葛', '上官'), letters('翾翀翎翊', 2, 2))
    .map(([title, surname, given]) => ({ written: `${title}${surname}${given}`, name: `${surname}${given}` })),
);

/** The digits of a text, full-width ones folded to ASCII. */
export const digitsOf = (text: string) => fromFullWidth(text).replace(/[^0-9]/g, '');
