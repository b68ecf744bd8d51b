/**
 * The departments of the sample hospitals, written as each hospital writes them, with the
 * variant spellings that appear in its exports and the few new units no reference table knows.
 *
 * `departmentStrings` is the list tests check against the project's alias table: every `known`
 * string must resolve to a canonical department, every `unknown` one must be kept and reported.
 */
import type { Category, HospitalId } from './model.ts';

export interface DepartmentSpec {
  /** Shared key across languages; selects the text context (places, services, roles). */
  key: string;
  /** The department as the hospital writes it. */
  name: string;
  /** Other spellings seen in exports, with the share of this department's rows that use each. */
  variants?: readonly (readonly [string, number])[];
  /** Relative baseline feedback volume. */
  weight: number;
  /** Open around the clock: little holiday dip, flat week. */
  acute?: boolean;
  /** Extra volume at the winter peak (0.8 = +80 %). */
  winter?: number;
  /** Extra volume at the dengue peak (Viet Nam). */
  dengue?: number;
  /** Complaint category mix when it differs from the hospital default. */
  mix?: Partial<Record<Category, number>>;
  /** Satisfaction survey: which questionnaire, relative daily share, department effect on the 1-5 scale. */
  survey?: { type: 'inpatient' | 'outpatient'; weight: number; effect: number };
  /** A unit no reference table knows (newly opened or unofficial name). */
  unknown?: boolean;
  /** Opening date of a new unit, YYYY-MM-DD. */
  since?: string;
}

export const DEFAULT_MIX: Record<Category, number> = { process: 0.34, attitude: 0.22, quality: 0.15, cost: 0.12, facility: 0.17 };

const cn: readonly DepartmentSpec[] = [
  { key: 'outpatient', name: '门诊部', weight: 14, mix: { process: 0.55, attitude: 0.22, facility: 0.13, cost: 0.05, quality: 0.05 } },
  { key: 'billing', name: '挂号收费处', variants: [['收费处', 0.15]], weight: 6, mix: { process: 0.45, cost: 0.35, attitude: 0.2 } },
  { key: 'emergency', name: '急诊科', weight: 8, acute: true, winter: 0.45, mix: { process: 0.4, attitude: 0.25, quality: 0.2, facility: 0.1, cost: 0.05 } },
  { key: 'paediatrics', name: '儿科', weight: 6.5, winter: 0.9, mix: { process: 0.45, attitude: 0.2, quality: 0.2, facility: 0.1, cost: 0.05 } },
  { key: 'respiratory', name: '呼吸与危重症医学科', variants: [['呼吸内科', 0.3]], weight: 3.5, winter: 0.8 },
  { key: 'fever_clinic', name: '发热门诊', weight: 1.2, acute: true, winter: 1.8, mix: { process: 0.55, attitude: 0.2, facility: 0.15, quality: 0.1 } },
  { key: 'cardiology', name: '心血管内科', variants: [['心内科', 0.25]], weight: 4 },
  { key: 'gastro', name: '消化内科', weight: 3.5 },
  { key: 'neurology', name: '神经内科', weight: 3 },
  { key: 'endocrine', name: '内分泌科', weight: 2 },
  { key: 'nephrology', name: '肾内科', weight: 1.5 },
  { key: 'general_surgery', name: '普外科', variants: [['普通外科', 0.2]], weight: 3, mix: { process: 0.25, attitude: 0.2, quality: 0.3, cost: 0.13, facility: 0.12 } },
  { key: 'orthopaedics', name: '骨科', weight: 4, mix: { process: 0.25, attitude: 0.2, quality: 0.3, cost: 0.13, facility: 0.12 } },
  { key: 'neurosurgery', name: '神经外科', weight: 1.5, mix: { process: 0.2, attitude: 0.2, quality: 0.35, cost: 0.15, facility: 0.1 } },
  { key: 'urology', name: '泌尿外科', weight: 1.5 },
  { key: 'obgyn', name: '妇产科', weight: 5 },
  { key: 'ophthalmology', name: '眼科', weight: 2 },
  { key: 'ent', name: '耳鼻咽喉科', variants: [['耳鼻喉科', 0.3]], weight: 1.5 },
  { key: 'dental', name: '口腔科', weight: 2, mix: { process: 0.3, attitude: 0.2, quality: 0.2, cost: 0.25, facility: 0.05 } },
  { key: 'dermatology', name: '皮肤科', weight: 1.5 },
  { key: 'oncology', name: '肿瘤科', weight: 2 },
  { key: 'icu', name: '重症医学科', variants: [['ICU', 0.2]], weight: 1, mix: { process: 0.2, attitude: 0.25, quality: 0.3, cost: 0.2, facility: 0.05 } },
  { key: 'rehab', name: '康复医学科', weight: 1 },
  { key: 'tcm', name: '中医科', weight: 1 },
  { key: 'admissions', name: '住院部', variants: [['住院处', 0.2]], weight: 3, mix: { process: 0.6, attitude: 0.2, cost: 0.15, facility: 0.05 } },
  { key: 'lab', name: '检验科', weight: 3, mix: { process: 0.45, quality: 0.2, attitude: 0.2, cost: 0.1, facility: 0.05 } },
  { key: 'radiology', name: '放射科', variants: [['医学影像科', 0.2]], weight: 3, mix: { process: 0.5, quality: 0.15, attitude: 0.2, cost: 0.1, facility: 0.05 } },
  { key: 'ultrasound', name: '超声科', weight: 1.5, mix: { process: 0.55, attitude: 0.25, quality: 0.1, cost: 0.05, facility: 0.05 } },
  { key: 'pharmacy', name: '药剂科', weight: 2, mix: { process: 0.5, attitude: 0.25, quality: 0.15, cost: 0.1 } },
  { key: 'checkup', name: '体检中心', variants: [['健康管理中心', 0.2]], weight: 2.5, mix: { process: 0.4, attitude: 0.2, quality: 0.15, cost: 0.15, facility: 0.1 } },
  { key: 'security', name: '保卫科', weight: 1.5, mix: { attitude: 0.55, facility: 0.45 } },
  { key: 'facilities', name: '后勤保障部', weight: 4, mix: { facility: 0.82, process: 0.08, attitude: 0.1 } },
  { key: 'insurance_office', name: '医保办', weight: 1.5, mix: { cost: 0.65, process: 0.35 } },
  { key: 'medical_affairs', name: '医务处', weight: 1, mix: { quality: 0.7, attitude: 0.2, process: 0.1 } },
  { key: 'internet_hospital', name: '互联网医院', weight: 0.04, unknown: true, since: '2024-06-01', mix: { process: 0.7, attitude: 0.15, cost: 0.15 } },
  { key: 'sleep', name: '睡眠医学中心', weight: 0.06, unknown: true, since: '2025-09-01' },
];

/**
 * The east campus, a former district hospital: fewer departments, written under the names it had
 * before it joined the group (小儿科, 产科, 创伤骨科, 医学检验科 ...), which the alias table resolves to
 * the main campus's departments, and a day-surgery unit no table knows.
 */
const cnEast: readonly DepartmentSpec[] = [
  { key: 'outpatient', name: '门诊部', weight: 10, mix: { process: 0.55, attitude: 0.22, facility: 0.13, cost: 0.05, quality: 0.05 } },
  { key: 'billing', name: '收费处', weight: 3, mix: { process: 0.45, cost: 0.35, attitude: 0.2 } },
  { key: 'emergency', name: '急诊科', variants: [['急诊', 0.1]], weight: 6, acute: true, winter: 0.45, mix: { process: 0.4, attitude: 0.25, quality: 0.2, facility: 0.1, cost: 0.05 } },
  { key: 'paediatrics', name: '小儿科', weight: 4, winter: 0.9, mix: { process: 0.45, attitude: 0.2, quality: 0.2, facility: 0.1, cost: 0.05 } },
  { key: 'cardiology', name: '心内科', weight: 2 },
  { key: 'orthopaedics', name: '创伤骨科', weight: 3, mix: { process: 0.25, attitude: 0.2, quality: 0.3, cost: 0.13, facility: 0.12 } },
  { key: 'obgyn', name: '产科', weight: 4 },
  { key: 'rehab', name: '康复科', weight: 2 },
  { key: 'lab', name: '医学检验科', weight: 2, mix: { process: 0.45, quality: 0.2, attitude: 0.2, cost: 0.1, facility: 0.05 } },
  { key: 'pharmacy', name: '药学部', weight: 1.5, mix: { process: 0.5, attitude: 0.25, quality: 0.15, cost: 0.1 } },
  { key: 'checkup', name: '健康管理中心', weight: 1.5, mix: { process: 0.4, attitude: 0.2, quality: 0.15, cost: 0.15, facility: 0.1 } },
  { key: 'facilities', name: '总务科', weight: 2.5, mix: { facility: 0.82, process: 0.08, attitude: 0.1 } },
  { key: 'day_surgery', name: '日间手术中心', weight: 0.08, unknown: true, since: '2025-03-01', mix: { process: 0.6, quality: 0.2, attitude: 0.2 } },
];

const vn: readonly DepartmentSpec[] = [
  { key: 'outpatient', name: 'Khoa Khám bệnh', variants: [['Khoa Kham benh', 0.04]], weight: 16, mix: { process: 0.55, attitude: 0.2, facility: 0.15, cost: 0.05, quality: 0.05 }, survey: { type: 'outpatient', weight: 14, effect: -0.12 } },
  { key: 'emergency', name: 'Khoa Cấp cứu', variants: [['Khoa Cap cuu', 0.06], ['Cấp cứu', 0.08]], weight: 8, acute: true, winter: 0.3, dengue: 0.3, mix: { process: 0.35, attitude: 0.3, quality: 0.2, facility: 0.1, cost: 0.05 }, survey: { type: 'inpatient', weight: 2, effect: -0.05 } },
  { key: 'paediatrics', name: 'Khoa Nhi', weight: 8, winter: 0.7, dengue: 0.4, survey: { type: 'inpatient', weight: 5, effect: 0.02 } },
  { key: 'obgyn', name: 'Khoa Sản', variants: [['Khoa Phụ sản', 0.2]], weight: 5, survey: { type: 'inpatient', weight: 4, effect: 0.08 } },
  { key: 'internal', name: 'Khoa Nội tổng hợp', weight: 5, winter: 0.3, survey: { type: 'inpatient', weight: 5, effect: -0.02 } },
  { key: 'cardiology', name: 'Khoa Nội tim mạch', variants: [['Khoa Tim mạch', 0.2]], weight: 3.5, survey: { type: 'inpatient', weight: 3, effect: 0.05 } },
  { key: 'endocrine', name: 'Khoa Nội tiết', weight: 2, survey: { type: 'inpatient', weight: 2, effect: 0.03 } },
  { key: 'infectious', name: 'Khoa Truyền nhiễm', weight: 2, dengue: 1.5, survey: { type: 'inpatient', weight: 2, effect: -0.06 } },
  { key: 'icu', name: 'Khoa Hồi sức tích cực - Chống độc', variants: [['Khoa HSTC-CĐ', 0.3]], weight: 1.5 },
  { key: 'general_surgery', name: 'Khoa Ngoại tổng hợp', weight: 3.5, survey: { type: 'inpatient', weight: 3, effect: 0.04 } },
  { key: 'orthopaedics', name: 'Khoa Ngoại chấn thương', variants: [['Khoa Ngoai chan thuong', 0.05], ['Khoa Chấn thương chỉnh hình', 0.12]], weight: 3.5, survey: { type: 'inpatient', weight: 3, effect: 0.0 } },
  { key: 'tcm', name: 'Khoa Y học cổ truyền', variants: [['Khoa YHCT', 0.2]], weight: 1.5, survey: { type: 'inpatient', weight: 2, effect: 0.12 } },
  { key: 'ophthalmology', name: 'Khoa Mắt', weight: 1.5, survey: { type: 'outpatient', weight: 1.5, effect: 0.05 } },
  { key: 'ent', name: 'Khoa Tai mũi họng', variants: [['Khoa TMH', 0.2]], weight: 1.5, survey: { type: 'outpatient', weight: 1.2, effect: 0.02 } },
  { key: 'dental', name: 'Khoa Răng hàm mặt', weight: 1, survey: { type: 'outpatient', weight: 1, effect: 0.0 } },
  { key: 'lab', name: 'Khoa Xét nghiệm', weight: 3, mix: { process: 0.5, quality: 0.2, attitude: 0.2, cost: 0.1 } },
  { key: 'radiology', name: 'Khoa Chẩn đoán hình ảnh', variants: [['Khoa CĐHA', 0.15]], weight: 2.5, mix: { process: 0.5, quality: 0.15, attitude: 0.2, cost: 0.1, facility: 0.05 } },
  { key: 'pharmacy', name: 'Khoa Dược', weight: 2.5, mix: { process: 0.5, attitude: 0.25, quality: 0.1, cost: 0.15 } },
  { key: 'nutrition', name: 'Khoa Dinh dưỡng', weight: 1, mix: { facility: 0.6, cost: 0.2, attitude: 0.2 } },
  { key: 'infection_control', name: 'Khoa Kiểm soát nhiễm khuẩn', weight: 0.8, mix: { facility: 0.75, quality: 0.25 } },
  { key: 'billing', name: 'Phòng Tài chính kế toán', variants: [['Phòng TCKT', 0.25]], weight: 3, mix: { cost: 0.6, process: 0.3, attitude: 0.1 } },
  { key: 'admin', name: 'Phòng Hành chính quản trị', weight: 3, mix: { facility: 0.75, attitude: 0.15, cost: 0.1 } },
  { key: 'social_work', name: 'Phòng Công tác xã hội', weight: 0.8, mix: { process: 0.5, attitude: 0.5 } },
  { key: 'stroke_unit', name: 'Đơn vị Đột quỵ', weight: 0.15, unknown: true, since: '2025-10-01' },
  { key: 'on_demand_ward', name: 'Khoa Điều trị theo yêu cầu', weight: 0.04, unknown: true },
];

const uk: readonly DepartmentSpec[] = [
  { key: 'emergency', name: 'Emergency Department', variants: [['A&E', 0.35], ['ED', 0.05]], weight: 10, acute: true, winter: 0.5, mix: { process: 0.45, attitude: 0.22, quality: 0.2, facility: 0.1, cost: 0.03 } },
  { key: 'amu', name: 'Acute Medical Unit', variants: [['AMU', 0.3]], weight: 3, acute: true, winter: 0.5 },
  { key: 'outpatient', name: 'Outpatients', variants: [['Outpatient Department', 0.15]], weight: 12, mix: { process: 0.6, attitude: 0.18, facility: 0.12, quality: 0.07, cost: 0.03 } },
  { key: 'cardiology', name: 'Cardiology', weight: 3 },
  { key: 'respiratory', name: 'Respiratory Medicine', weight: 2.5, winter: 0.9 },
  { key: 'gastro', name: 'Gastroenterology', weight: 2 },
  { key: 'elderly', name: 'Elderly Care', variants: [['Care of the Elderly', 0.25]], weight: 3.5, winter: 0.4, mix: { process: 0.2, attitude: 0.25, quality: 0.35, facility: 0.17, cost: 0.03 } },
  { key: 'general_surgery', name: 'General Surgery', weight: 3.5 },
  { key: 'orthopaedics', name: 'Trauma and Orthopaedics', variants: [['Orthopaedics', 0.35]], weight: 3.5 },
  { key: 'paediatrics', name: 'Paediatrics', variants: [['Pediatrics', 0.05]], weight: 4, winter: 0.8 },
  { key: 'obgyn', name: 'Maternity', variants: [['Obstetrics', 0.1]], weight: 5, mix: { process: 0.25, attitude: 0.25, quality: 0.3, facility: 0.17, cost: 0.03 } },
  { key: 'ophthalmology', name: 'Ophthalmology', variants: [['Eye Clinic', 0.2]], weight: 2 },
  { key: 'oncology', name: 'Oncology', weight: 2 },
  { key: 'icu', name: 'Critical Care', variants: [['ICU', 0.2]], weight: 1 },
  { key: 'radiology', name: 'Radiology', variants: [['Imaging', 0.15]], weight: 3, mix: { process: 0.6, attitude: 0.15, quality: 0.1, facility: 0.1, cost: 0.05 } },
  { key: 'pathology', name: 'Pathology', variants: [['Phlebotomy', 0.25]], weight: 1.5, mix: { process: 0.6, attitude: 0.2, quality: 0.1, facility: 0.1 } },
  { key: 'pharmacy', name: 'Pharmacy', weight: 3, mix: { process: 0.6, attitude: 0.15, quality: 0.2, cost: 0.05 } },
  { key: 'facilities', name: 'Estates and Facilities', variants: [['Estates & Facilities', 0.2]], weight: 4, mix: { facility: 0.7, cost: 0.22, attitude: 0.08 } },
  { key: 'transport', name: 'Patient Transport', weight: 1, mix: { process: 0.7, attitude: 0.2, facility: 0.1 } },
  { key: 'appointments', name: 'Appointments Centre', weight: 2.5, mix: { process: 0.8, attitude: 0.2 } },
  { key: 'virtual_ward', name: 'Virtual Ward', weight: 0.06, unknown: true, since: '2025-04-01', mix: { process: 0.6, quality: 0.3, attitude: 0.1 } },
  { key: 'long_covid', name: 'Long Covid Clinic', weight: 0.03, unknown: true },
];

export const DEPARTMENTS: Record<HospitalId, readonly DepartmentSpec[]> = { cn, cn_east: cnEast, vn, uk };

function stringsOf(specs: readonly DepartmentSpec[], unknown: boolean): string[] {
  const out: string[] = [];
  for (const spec of specs) {
    if ((spec.unknown ?? false) !== unknown) continue;
    out.push(spec.name);
    for (const [variant] of spec.variants ?? []) out.push(variant);
  }
  return out;
}

/** Every department string the generator writes, per hospital: `known` ones a reference table should resolve, `unknown` ones it should report. */
export const departmentStrings: Record<HospitalId, { known: readonly string[]; unknown: readonly string[] }> = {
  cn: { known: stringsOf(cn, false), unknown: stringsOf(cn, true) },
  cn_east: { known: stringsOf(cnEast, false), unknown: stringsOf(cnEast, true) },
  vn: { known: stringsOf(vn, false), unknown: stringsOf(vn, true) },
  uk: { known: stringsOf(uk, false), unknown: stringsOf(uk, true) },
};

export function departmentByKey(hospital: HospitalId, key: string): DepartmentSpec {
  const spec = DEPARTMENTS[hospital].find((d) => d.key === key);
  if (!spec) throw new Error(`unknown department key: ${hospital}/${key}`);
  return spec;
}
