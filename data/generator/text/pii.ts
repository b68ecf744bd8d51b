/**
 * Synthetic personal data of the shapes the pipeline must redact: Chinese mobile numbers and
 * resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2 check digit), Vietnamese phone numbers,
 * CCCD citizen numbers and BHYT health-insurance card numbers, UK mobiles from Ofcom's drama range
 * (07700 900xxx, never allocated) and e-mail addresses at the reserved example domains.
 */
import type { Rng } from '../../../pipeline/detect/prng.ts';
import { dayFromCivil, civilFromDay, pad } from '../dates.ts';
import type { PiiItem } from '../model.ts';

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

const cnMobilePrefixes = ['133', '135', '136', '137', '138', '139', '150', '151', '158', '159', '177', '180', '181', '186', '187', '188', '189'];

export function cnMobile(rng: Rng): string {
  return rng.pick(cnMobilePrefixes) + digits(rng, 8);
}

const cnAreaCodes = ['360402', '360403', '360421', '360424', '360425', '360481', '110105', '320106', '430104', '420102'];
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheck = '10X98765432';

/** An 18-character resident ID with a real area-code shape, a valid birth date and check digit. */
export function cnIdNumber(rng: Rng): string {
  const birth = civilFromDay(rng.int(dayFromCivil(1942, 1, 1), dayFromCivil(2006, 12, 31)));
  const body = rng.pick(cnAreaCodes) + `${birth.y}${pad(birth.m)}${pad(birth.d)}` + digits(rng, 3);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body.charAt(i)) * (idWeights[i] ?? 0);
  return body + idCheck.charAt(sum % 11);
}

const vnPrefixes = ['091', '094', '098', '097', '096', '086', '088', '090', '093', '070', '079', '077', '083', '084', '085', '081', '032', '033', '034', '035', '036', '037', '038', '039'];

export function vnPhone(rng: Rng): string {
  const p = rng.pick(vnPrefixes) + digits(rng, 1);
  const a = digits(rng, 3);
  const b = digits(rng, 3);
  return rng.weighted([
    [`${p} ${a} ${b}`, 5],
    [`${p}${a}${b}`, 4],
    [`${p}.${a}.${b}`, 1],
  ] as const);
}

const vnProvinceCodes = ['001', '036', '038', '034', '035', '037', '030', '031', '033', '022', '040', '079'];

/** CCCD: province code, century-and-sex digit, two-digit birth year, six digits. */
export function vnCccd(rng: Rng): string {
  const year = rng.int(1945, 2006);
  const male = rng.chance(0.5);
  const centuryDigit = year >= 2000 ? (male ? 2 : 3) : male ? 0 : 1;
  return rng.pick(vnProvinceCodes) + String(centuryDigit) + pad(year % 100) + digits(rng, 6);
}

const bhytObjects = ['DN', 'HC', 'HT', 'TE', 'GD', 'HN', 'CN', 'CK', 'BT', 'HS', 'SV', 'XN'];

/** BHYT card: object code, benefit level 1-5, province code, ten-digit social insurance number. */
export function vnBhyt(rng: Rng): string {
  return rng.pick(bhytObjects) + String(rng.int(1, 5)) + rng.pick(['36', '01', '35', '37', '79', '38']) + digits(rng, 10);
}

export function ukPhone(rng: Rng): string {
  const tail = digits(rng, 3);
  return rng.weighted([
    [`07700 900${tail}`, 6],
    [`07700900${tail}`, 2],
    [`+44 7700 900${tail}`, 1],
  ] as const);
}

const emailNames: Record<'zh' | 'vi' | 'en', readonly string[]> = {
  zh: ['wangli', 'zhangwei', 'liuyang', 'chenjing', 'lixiaoming', 'zhaolei', 'huangmin', 'zhoujie', 'wufang', 'sunhao'],
  vi: ['nguyenvanhung', 'tranthilan', 'lethanhhai', 'phamminhtuan', 'hoangthuhuong', 'vuducanh', 'dothimai', 'buiquang'],
  en: ['j.smith', 'sarah.jones', 'mike.taylor', 'r.patel', 'emma.wilson', 'd.brown', 'helen.evans', 'tom.roberts'],
};

export function email(rng: Rng, lang: 'zh' | 'vi' | 'en'): string {
  const suffix = rng.chance(0.6) ? String(rng.int(1960, 2005)) : rng.chance(0.5) ? String(rng.int(1, 99)) : '';
  const domain = rng.pick(['example.com', 'example.org', 'example.net']);
  return `${rng.pick(emailNames[lang])}${suffix}@${domain}`;
}

/** A sentence carrying one piece of personal data, in the record's language and style. */
export function piiSentence(rng: Rng, lang: 'zh' | 'vi' | 'en', thirdPerson: boolean): { sentence: string; item: PiiItem } {
  if (lang === 'zh') {
    const type = rng.weighted([
      ['cn_mobile', 6],
      ['cn_id', 3],
      ['email', 1],
    ] as const);
    if (type === 'cn_mobile') {
      const value = cnMobile(rng);
      const sentence = thirdPerson
        ? `来电人联系电话：${value}。`
        : rng.pick([`我的电话${value}，请尽快回电。`, `联系电话：${value}。`, `有问题请打我手机${value}。`]);
      return { sentence, item: { type, value } };
    }
    if (type === 'cn_id') {
      const value = cnIdNumber(rng);
      const sentence = thirdPerson
        ? `患者身份证号：${value}。`
        : rng.pick([`患者身份证号${value}，可以查到就诊记录。`, `病人身份证：${value}。`]);
      return { sentence, item: { type, value } };
    }
    const value = email(rng, 'zh');
    return { sentence: `请书面答复至邮箱${value}。`, item: { type, value } };
  }
  if (lang === 'vi') {
    const type = rng.weighted([
      ['vn_phone', 6],
      ['vn_bhyt', 2],
      ['vn_cccd', 2],
      ['email', 1],
    ] as const);
    if (type === 'vn_phone') {
      const value = vnPhone(rng);
      return { sentence: rng.pick([`SĐT liên hệ: ${value}.`, `Số điện thoại của tôi là ${value}.`, `Có gì gọi cho tôi số ${value}.`]), item: { type, value } };
    }
    if (type === 'vn_bhyt') {
      const value = vnBhyt(rng);
      return { sentence: rng.pick([`Số thẻ BHYT của tôi là ${value}.`, `Mã thẻ BHYT: ${value}.`]), item: { type, value } };
    }
    if (type === 'vn_cccd') {
      const value = vnCccd(rng);
      return { sentence: rng.pick([`Số CCCD của bệnh nhân: ${value}.`, `CCCD ${value}.`]), item: { type, value } };
    }
    const value = email(rng, 'vi');
    return { sentence: `Email liên hệ: ${value}.`, item: { type, value } };
  }
  if (rng.chance(0.65)) {
    const value = ukPhone(rng);
    return { sentence: rng.pick([`Please call me on ${value}.`, `My number is ${value}.`, `I can be reached on ${value} during the day.`]), item: { type: 'uk_phone', value } };
  }
  const value = email(rng, 'en');
  return { sentence: rng.pick([`Please reply to ${value}.`, `You can email me at ${value}.`]), item: { type: 'email', value } };
}
