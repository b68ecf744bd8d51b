// redact_pii_keep_staff (models/macros/redact_pii.sql): redact_pii without its staff-name pass, for
// the department packs of a hospital that asks for staff names there. Hand-worked zh/vi/en cases,
// then a property: in generated texts mixing staff names, patient names, numbers and e-mail
// addresses, every staff name stays and nothing else personal does.
import { listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macroConnection } from '../support/macro-connection.ts';
import { digitsOf, email, letters, personalNumber } from '../support/personal-data.ts';


const connection = macroConnection('redact_pii');

async function both(text: string | null): Promise<{ full: unknown; keep: unknown }> {
  const reader = await connection().runAndReadAll('select redact_pii($1) as full, redact_pii_keep_staff($1) as keep', [text]);
  const row = reader.getRowObjectsJS()[0];
  return { full: row?.full, keep: row?.keep };
}

/** redact_pii_keep_staff of every text, in order, in one query. */
async function keepStaffAll(texts: readonly string[]): Promise<string[]> {
  const reader = await connection().runAndReadAll(
    'select list(redact_pii_keep_staff(t) order by i) as r from unnest($texts::varchar[]) with ordinality as v(t, i)',
    { texts: listValue([...texts]) },
  );
  return reader.getRowObjectsJS()[0]?.r as string[];
}

// [text, redact_pii_keep_staff(text), redact_pii(text)], worked by hand from the passes' rules
const mixed: ReadonlyArray<readonly [string, string, string]> = [
  [
    '患者张伟，投诉急诊科王医生态度差，电话13812345678，身份证110101199003071234',
    '患者[姓名]，投诉急诊科王医生态度差，电话[phone]，身份证[id]',
    '患者[姓名]，投诉急诊科[医生]态度差，电话[phone]，身份证[id]',
  ],
  ['家属：欧阳娜娜说刘晓明大夫和陈护士长都很负责', '家属：[姓名]说刘晓明大夫和陈护士长都很负责', '家属：[姓名]说[大夫]和[护士长]都很负责'],
  [
    'Bệnh nhân Trần Văn Nam nói bác sĩ Lan quát, SĐT 0912 345 678, CCCD 079204001234',
    'Bệnh nhân [tên] nói bác sĩ Lan quát, SĐT [phone], CCCD [id]',
    'Bệnh nhân [tên] nói bác sĩ [tên] quát, SĐT [phone], CCCD [id]',
  ],
  ['Điều dưỡng Trần Thị Mai không hướng dẫn, email mai.nguyễn@bệnhviện.vn', 'Điều dưỡng Trần Thị Mai không hướng dẫn, email [email]', 'Điều dưỡng [tên] không hướng dẫn, email [email]'],
  [
    'Patient John Brown: Dr Smith and Nurse Jones ignored him. Call +44 20 7946 0958 or j.brown@example.com',
    'Patient [name]: Dr Smith and Nurse Jones ignored him. Call [phone] or [email]',
    'Patient [name]: Dr [name] and Nurse [name] ignored him. Call [phone] or [email]',
  ],
  ["Mrs Patel says Dr. O'Brien on Ward 3 never came", "Mrs [name] says Dr. O'Brien on Ward 3 never came", 'Mrs [name] says Dr. [name] on Ward 3 never came'],
];

// no staff name: both macros give the same text
const noStaffName: readonly string[] = [
  '患者李四在候诊区等了很久，联系13912345678',
  'Người nhà bệnh nhân Lê Văn Tám phải chờ, thẻ BHYT DN4797915123456',
  'My father, patient John Smith, waited all night',
  'Bác sĩ Khoa Nhi rất tận tình',
  'Nurse Practitioner clinic was cancelled',
  '主任医生说没有床位',
  'The nurse was rude and the doctor never came',
  '',
];

describe('redact_pii_keep_staff', () => {
  it.each(mixed)('keeps the staff names of %s and nothing else', async (text, keep, full) => {
    expect(await both(text)).toEqual({ keep, full });
  });

  it.each(noStaffName)('is redact_pii on "%s", which names no staff', async (text) => {
    const { full, keep } = await both(text);
    expect(keep).toBe(full);
  });

  it('returns NULL for NULL', async () => {
    expect(await both(null)).toEqual({ full: null, keep: null });
  });

  it('keeps every generated staff name and no patient name, number or e-mail address', async () => {
    const capital = fc.constantFrom('Q', 'X', 'Z');
    const staff = fc.oneof(
      fc.tuple(fc.constantFrom('Dr ', 'Dr. ', 'Nurse ', 'Doctor '), capital, letters('aeiou', 1, 1), letters('bdfgklmnprstvxz', 3, 6)).map(([title, c, v, rest]) => ({ written: `${title}${c}${v}${rest}`, name: `${c}${v}${rest}` })),
      fc.tuple(fc.constantFrom('bác sĩ ', 'BS. ', 'điều dưỡng ', 'y tá '), fc.constantFrom('Ư', 'Ơ', 'Đ'), letters('ăâêôơư', 1, 1)).map(([title, c, v]) => ({ written: `${title}${c}${v}ng`, name: `${c}${v}ng` })),
      fc.tuple(fc.constantFrom('王', '李', '欧阳'), letters('翾翀翎翊', 0, 2), fc.constantFrom('医生', '护士', '大夫', '主任')).map(([surname, given, title]) => ({ written: `${surname}${given}${title}`, name: `${surname}${given}` })),
    );
    const patient = fc.oneof(
      fc.tuple(fc.constantFrom('patient ', 'Mrs ', 'Mr '), capital, letters('aeiou', 1, 1), letters('bdfgklmnprstvxz', 3, 6)).map(([title, c, v, rest]) => ({ written: `${title}${c}${v}${rest}`, secret: `${c}${v}${rest}` })),
      fc.tuple(fc.constantFrom('bệnh nhân ', 'người nhà '), fc.constantFrom('Ư', 'Ơ', 'Đ'), letters('ăâêôơư', 1, 1)).map(([title, c, v]) => ({ written: `${title}${c}${v}ng Khuê`, secret: `${c}${v}ng` })),
      fc.tuple(fc.constantFrom('患者', '家属', '病人'), fc.constantFrom('欧阳', '诸葛', '上官'), letters('翾翀翎翊', 2, 2)).map(([title, surname, given]) => ({ written: `${title}${surname}${given}`, secret: `${surname}${given}` })),
    );
    const other = fc.oneof(
      personalNumber.map((n) => ({ written: n.written, secret: n.written, digits: n.digits })),
      email.map((address) => ({ written: address, secret: address, digits: null })),
    );
    type Part = { kind: 'staff'; written: string; name: string } | { kind: 'secret'; written: string; secret: string; digits: string | null };
    const part: fc.Arbitrary<Part> = fc.oneof(
      staff.map((s) => ({ kind: 'staff' as const, ...s })),
      patient.map((p) => ({ kind: 'secret' as const, ...p, digits: null })),
      other.map((o) => ({ kind: 'secret' as const, ...o })),
    );
    const texts = fc.sample(fc.tuple(fc.array(part, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ; ', '，', ', then ')), { numRuns: 300, seed: 1010 });
    const written = texts.map(([parts, separator]) => parts.map((p) => p.written).join(separator));
    const kept = await keepStaffAll(written);
    for (const [i, [parts]] of texts.entries()) {
      const text = written[i]!;
      const keep = kept[i];
      for (const p of parts) {
        if (p.kind === 'staff') expect(keep, text).toContain(p.written);
        else {
          expect(keep, text).not.toContain(p.secret);
          if (p.digits !== null) expect(digitsOf(String(keep)), text).not.toContain(p.digits);
        }
      }
    }
  });
});
