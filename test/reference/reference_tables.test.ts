// Invariants of the shipped reference tables in data/reference/: departments, their aliases and
// the aliases of the contract's enumerations. Matching follows data/reference/README.md: NFC,
// whitespace collapsed, trimmed, lowercased; Vietnamese also with diacritics removed and đ → d.
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const referenceDir = fileURLToPath(new URL('../../data/reference/', import.meta.url));

// CONTRACT.md (v2) sections 1.1, 1.2 and 3.
const enumerations: Record<string, readonly string[]> = {
  channel: [
    'hotline', 'gov_hotline', 'walk_in', 'website', 'email', 'social', 'suggestion_box', 'survey', 'callback', 'other',
    'wechat', 'weibo', 'douyin', 'facebook', 'zalo', 'tiktok', 'youtube',
  ],
  kind: ['complaint', 'consultation', 'suggestion', 'praise'],
  status: ['received', 'verifying', 'handling', 'replied', 'closed', 'escalated', 'referred'],
  satisfied: ['yes', 'no', 'pending'],
  solved: ['yes', 'no'],
  category: ['process', 'attitude', 'quality', 'cost', 'facility', 'other'],
  patient_type: ['inpatient', 'outpatient'],
  // hearken's extension of the survey record (README, "Survey modes")
  survey_mode: ['ward_visit', 'post_discharge_call', 'kiosk', 'online', 'other'],
};

const requiredCodes = [
  'emergency', 'internal_medicine', 'cardiology', 'respiratory', 'gastroenterology', 'hepatology',
  'neurology', 'endocrinology', 'nephrology', 'hematology', 'rheumatology', 'infectious_disease',
  'oncology', 'geriatrics', 'general_surgery', 'orthopedics', 'neurosurgery', 'urology',
  'cardiothoracic_surgery', 'obstetrics_gynecology', 'pediatrics', 'neonatology', 'ophthalmology',
  'ent', 'dentistry', 'dermatology', 'psychiatry', 'traditional_medicine', 'rehabilitation', 'icu',
  'anesthesiology', 'radiology', 'laboratory', 'pharmacy', 'outpatient_clinic',
  'inpatient_admissions', 'registration_billing', 'medical_records', 'nutrition', 'nursing',
  'health_checkup', 'security', 'logistics', 'patient_services', 'customer_service_center',
];

type Row = Record<string, unknown>;

let instance: DuckDBInstance;
let connection: DuckDBConnection;

async function rows(sql: string, values?: Record<string, string>): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJS();
}

async function columns(table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(`select * from ${table} limit 0`);
  return reader.columnNames();
}

async function resolveDepartment(name: string): Promise<string[]> {
  const found = await rows(
    `select distinct code from department_names where norm(name) = norm($name)
     union
     select distinct code from department_names where fold(name) = fold($name)
       and not exists (select 1 from department_names where norm(name) = norm($name))`,
    { name },
  );
  return found.map((r) => String(r.code));
}

async function resolveValue(field: string, alias: string): Promise<string[]> {
  const found = await rows(
    `select distinct value from value_aliases
     where field = $field and (norm(alias) = norm($alias) or fold(alias) = fold($alias))`,
    { field, alias },
  );
  return found.map((r) => String(r.value));
}

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  for (const table of ['departments', 'department_aliases', 'value_aliases']) {
    await connection.run(
      `create table ${table} as
       select * from read_csv($path, all_varchar = true, header = true, delim = ',', quote = '"')`,
      { path: `${referenceDir}${table}.csv` },
    );
  }
  await connection.run(String.raw`
    create macro norm(s) as lower(trim(regexp_replace(nfc_normalize(s), '[\s\x{00A0}\x{3000}]+', ' ', 'g')));
    create macro fold(s) as replace(strip_accents(norm(s)), 'đ', 'd');
    create view department_names as
      select alias as name, code, 'alias' as source from department_aliases
      union all select name_en, code, 'name_en' from departments
      union all select name_zh, code, 'name_zh' from departments
      union all select name_vi, code, 'name_vi' from departments;
  `);
});

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

describe('departments.csv', () => {
  it('has the documented header', async () => {
    expect(await columns('departments')).toEqual(['code', 'name_en', 'name_zh', 'name_vi']);
  });

  it('has unique snake_case codes', async () => {
    const bad = await rows(`select code from departments where code is null or not regexp_full_match(code, '[a-z][a-z_]*')`);
    expect(bad).toEqual([]);
    const duplicated = await rows(`select code from departments group by code having count(*) > 1`);
    expect(duplicated).toEqual([]);
  });

  it('names every department in English, Chinese and Vietnamese', async () => {
    const missing = await rows(
      `select code from departments
       where coalesce(trim(name_en), '') = '' or coalesce(trim(name_zh), '') = '' or coalesce(trim(name_vi), '') = ''`,
    );
    expect(missing).toEqual([]);
  });

  it('stores every name in NFC, the form the matcher compares', async () => {
    const decomposed = await rows(
      `select code from departments
       where nfc_normalize(name_en) <> name_en or nfc_normalize(name_zh) <> name_zh or nfc_normalize(name_vi) <> name_vi
       union all select alias from department_aliases where nfc_normalize(alias) <> alias
       union all select alias from value_aliases where nfc_normalize(alias) <> alias`,
    );
    expect(decomposed).toEqual([]);
  });

  it('holds every required code', async () => {
    const present = (await rows(`select code from departments`)).map((r) => String(r.code));
    expect(requiredCodes.filter((code) => !present.includes(code))).toEqual([]);
  });
});

describe('department_aliases.csv', () => {
  it('has the documented header and several hundred rows', async () => {
    expect(await columns('department_aliases')).toEqual(['alias', 'code']);
    const [count] = await rows(`select count(*)::integer as n from department_aliases`);
    expect(Number(count?.n)).toBeGreaterThan(300);
  });

  it('maps every alias to a code in departments.csv', async () => {
    const orphans = await rows(
      `select alias, code from department_aliases a
       where coalesce(trim(alias), '') = '' or not exists (select 1 from departments d where d.code = a.code)`,
    );
    expect(orphans).toEqual([]);
  });

  it('has no two aliases equal after normalisation', async () => {
    const duplicated = await rows(
      `select norm(alias) as key, list(alias order by alias) as aliases
       from department_aliases group by key having count(*) > 1`,
    );
    expect(duplicated).toEqual([]);
  });

  it('has no name (alias or canonical) that means two departments after normalisation', async () => {
    const ambiguous = await rows(
      `select norm(name) as key, list(distinct code order by code) as codes
       from department_names group by key having count(distinct code) > 1`,
    );
    expect(ambiguous).toEqual([]);
  });

  it('has no name that means two departments once Vietnamese diacritics are removed', async () => {
    const ambiguous = await rows(
      `select fold(name) as key, list(distinct name order by name) as names
       from department_names group by key having count(distinct code) > 1`,
    );
    expect(ambiguous).toEqual([]);
  });

  // The 11 labels of ../shared/data/zh_medical_dialogue_dept (Toyhom/Chinese-medical-dialogue-data,
  // 样例_内科5000-6000.csv), counted in its README, plus the common ward names of the same families.
  it.each([
    ['肝病科', 'hepatology'],
    ['消化科', 'gastroenterology'],
    ['神经科', 'neurology'],
    ['心血管科', 'cardiology'],
    ['内分泌科', 'endocrinology'],
    ['呼吸科', 'respiratory'],
    ['肾内科', 'nephrology'],
    ['感染科', 'infectious_disease'],
    ['血液科', 'hematology'],
    ['普通内科', 'internal_medicine'],
    ['风湿免疫科', 'rheumatology'],
    ['急诊', 'emergency'],
    ['急诊室', 'emergency'],
    ['心内科', 'cardiology'],
    ['消化内科', 'gastroenterology'],
  ])('resolves the Chinese dataset department %s to %s', async (name, code) => {
    expect(await resolveDepartment(name)).toEqual([code]);
  });

  it.each([
    ['A&E', 'emergency'],
    ['ER', 'emergency'],
    ['Cardiology Dept', 'cardiology'],
    ['Paediatrics', 'pediatrics'],
    ['Khoa Cap cuu', 'emergency'],
    ['KHOA CẤP CỨU', 'emergency'],
    ['  Khoa   Nhi ', 'pediatrics'],
    ['khoa noi tim mach', 'cardiology'],
    ['Khoa Nội tiêu hoá', 'gastroenterology'],
    ['Phòng khám', 'outpatient_clinic'],
    ['Ban Giám đốc', undefined],
    ['心內科', 'cardiology'],
    ['挂号收费处', 'registration_billing'],
    ['门诊部', 'outpatient_clinic'],
  ])('resolves %s to %s', async (name, code) => {
    expect(await resolveDepartment(name)).toEqual(code === undefined ? [] : [code]);
  });
});

describe('value_aliases.csv', () => {
  it('has the documented header', async () => {
    expect(await columns('value_aliases')).toEqual(['field', 'alias', 'value']);
  });

  it('maps only onto the contract enumerations', async () => {
    const all = await rows(`select field, alias, value from value_aliases`);
    const outside = all.filter((r) => !(enumerations[String(r.field)] ?? []).includes(String(r.value)));
    expect(outside).toEqual([]);
  });

  it('lists every canonical value as an alias of itself', async () => {
    const all = await rows(`select field, alias, value from value_aliases where alias = value`);
    const present = new Set(all.map((r) => `${String(r.field)}.${String(r.value)}`));
    const missing = Object.entries(enumerations).flatMap(([field, values]) =>
      values.map((value) => `${field}.${value}`).filter((key) => !present.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('has no alias twice within a field after normalisation', async () => {
    const duplicated = await rows(
      `select field, norm(alias) as key from value_aliases
       where coalesce(trim(alias), '') <> '' group by field, key having count(*) > 1`,
    );
    expect(duplicated).toEqual([]);
    const blank = await rows(`select * from value_aliases where coalesce(trim(alias), '') = ''`);
    expect(blank).toEqual([]);
  });

  it('has no alias that means two values once Vietnamese diacritics are removed', async () => {
    const ambiguous = await rows(
      `select field, fold(alias) as key, list(distinct value order by value) as values
       from value_aliases group by field, key having count(distinct value) > 1`,
    );
    expect(ambiguous).toEqual([]);
  });

  it.each([
    ['channel', '12345热线', 'gov_hotline'],
    ['channel', 'Đường dây nóng Bộ Y tế 1900 9095', 'gov_hotline'],
    ['channel', '微信', 'wechat'],
    ['channel', 'Zalo', 'zalo'],
    ['channel', 'hòm thư góp ý', 'suggestion_box'],
    ['channel', 'truc tiep', 'walk_in'],
    ['kind', '投诉', 'complaint'],
    ['kind', 'Khiếu nại', 'complaint'],
    ['kind', 'compliment', 'praise'],
    ['kind', 'góp ý', 'suggestion'],
    ['status', '已办结', 'closed'],
    ['status', '核实中', 'verifying'],
    ['status', 'đang xử lý', 'handling'],
    ['satisfied', '不满意', 'no'],
    ['satisfied', 'Không hài lòng', 'no'],
    ['satisfied', 'khong hai long', 'no'],
    ['satisfied', 'hài lòng', 'yes'],
    ['satisfied', '1', 'yes'],
    ['satisfied', '待评价', 'pending'],
    ['category', '医疗费用', 'cost'],
    ['category', 'Thái độ phục vụ', 'attitude'],
    ['category', 'cơ sở vật chất', 'facility'],
    ['patient_type', 'Nội trú', 'inpatient'],
    ['patient_type', '门诊', 'outpatient'],
  ])('resolves %s "%s" to %s', async (field, alias, value) => {
    expect(await resolveValue(field, alias)).toEqual([value]);
  });
});
